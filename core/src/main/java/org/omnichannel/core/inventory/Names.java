package org.omnichannel.core.inventory;

/** Checks of ids shared by the inventory records. */
final class Names {

    private Names() {
    }

    static String requireId(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value.strip();
    }
}
