package org.omnichannel.core.event;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Argument checks shared by the event records; each message names the field. */
final class Checks {

    private Checks() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static String requiredText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required and must not be blank");
        }
        return value;
    }

    /** Blank becomes null, so that "" and absent mean the same. */
    static String optionalText(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }

    static <K, V> Map<K, V> map(Map<K, V> value) {
        return value == null ? Map.of() : Map.copyOf(value);
    }

    static BigDecimal positive(BigDecimal value, String field) {
        required(value, field);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(field + " must be greater than 0, was " + value.toPlainString());
        }
        return value;
    }

    static void sameCurrency(String currency, Money money, String field) {
        if (money != null && !money.currency().equals(currency)) {
            throw new IllegalArgumentException(field + " is in " + money.currency()
                    + " but the document is in " + currency + ": all amounts of one document share a currency");
        }
    }
}
