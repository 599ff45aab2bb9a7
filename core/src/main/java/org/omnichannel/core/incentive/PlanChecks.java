package org.omnichannel.core.incentive;

/** Argument checks for plan records; each message names the field. */
final class PlanChecks {

    private PlanChecks() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static String id(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required and must not be blank");
        }
        if (value.indexOf('/') >= 0) {
            throw new IllegalArgumentException(field + " '" + value + "' must not contain '/': entry ids are built from it");
        }
        return value;
    }
}
