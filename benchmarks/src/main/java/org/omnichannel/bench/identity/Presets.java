package org.omnichannel.bench.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The column layouts of the Splink and Febrl files. */
final class Presets {

    private static final Pattern FEBRL_ID = Pattern.compile("rec-(\\d+)-(org|dup-\\d+)");

    private Presets() {
    }

    static Map<String, Target> mapping(BenchOptions.Format format) {
        Map<String, Target> m = new LinkedHashMap<>();
        switch (format) {
            case SPLINK -> {
                m.put("first_name", Target.parse("GIVEN_NAME"));
                m.put("surname", Target.parse("SURNAME"));
                m.put("dob", Target.parse("DOB"));
                m.put("city", Target.parse("CITY"));
                m.put("email", Target.parse("EMAIL"));
            }
            case FEBRL -> {
                m.put("given_name", Target.parse("GIVEN_NAME"));
                m.put("surname", Target.parse("SURNAME"));
                m.put("street_number", Target.parse("STREET_NUMBER"));
                m.put("address_1", Target.parse("ADDRESS"));
                m.put("address_2", Target.parse("LOCALITY"));
                m.put("suburb", Target.parse("CITY"));
                m.put("postcode", Target.parse("POSTCODE"));
                m.put("state", Target.parse("STATE"));
                m.put("date_of_birth", Target.parse("DOB"));
                m.put("soc_sec_id", Target.parse("NATIONAL_ID"));
            }
            default -> {
            }
        }
        return m;
    }

    static String idColumn(BenchOptions.Format format) {
        return switch (format) {
            case SPLINK -> "unique_id";
            case FEBRL -> "rec_id";
            case GENERIC -> null;
        };
    }

    /** The truth column; null for Febrl, whose truth is in the record id. */
    static String truthColumn(BenchOptions.Format format) {
        return format == BenchOptions.Format.SPLINK ? "cluster" : null;
    }

    /** The entity of a Febrl record id: rec-552-dup-3 is entity 552. */
    static String febrlEntity(String recId) {
        Matcher m = FEBRL_ID.matcher(recId);
        if (!m.matches()) {
            throw new IllegalArgumentException("Febrl record id '" + recId + "' is not rec-N-org or rec-N-dup-K");
        }
        return m.group(1);
    }
}
