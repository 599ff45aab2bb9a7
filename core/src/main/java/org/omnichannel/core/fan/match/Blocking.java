package org.omnichannel.core.fan.match;

import org.omnichannel.core.fan.MatchRecord;
import org.omnichannel.core.fan.normalize.Emails;

import java.util.ArrayList;
import java.util.List;

/**
 * Blocking rules: the keys under which a record is filed so that only records sharing one are
 * compared. Each rule combines two attributes, or uses one that is nearly unique, so that a typo
 * in any single attribute still leaves a pair sharing some key. A rule whose attributes are
 * missing gives no key.
 */
public final class Blocking {

    /** At most this many records of one key are compared with a new record (the most recent). */
    public static final int BLOCK_LIMIT = 64;

    private Blocking() {
    }

    public static List<String> keys(MatchRecord r) {
        List<String> keys = new ArrayList<>(14);
        String given = r.givenName();
        String surname = r.surname();
        String year = r.birthDate() == null || r.birthDate().length() < 4 ? null : r.birthDate().substring(0, 4);
        add(keys, "n", r.nationalId(), null);
        add(keys, "d", r.birthDate(), null);
        add(keys, "e", r.email() == null ? null : Emails.localPart(r.email()), null);
        add(keys, "p", r.phone(), null);
        if (given != null && surname != null) {
            // Either order: swapped given and family names still meet.
            boolean ordered = given.compareTo(surname) <= 0;
            add(keys, "gs", ordered ? given : surname, ordered ? surname : given);
            add(keys, "mm", metaphone(surname), metaphone(given));
        }
        add(keys, "sy", surname, year);
        add(keys, "gy", given, year);
        add(keys, "sp", surname, r.postcode());
        add(keys, "gp", given, r.postcode());
        add(keys, "sc", surname, r.city());
        add(keys, "gc", given, r.city());
        add(keys, "pn", r.postcode(), r.streetNumber());
        add(keys, "st", r.street(), r.postcode() == null ? r.city() : r.postcode());
        return keys;
    }

    private static String metaphone(String s) {
        return Similarity.metaphone(s);
    }

    private static void add(List<String> keys, String rule, String a, String b) {
        if (a == null) {
            return;
        }
        if (b == null) {
            if (rule.length() == 1) {
                keys.add(rule + "|" + a);
            }
            return;
        }
        keys.add(rule + "|" + a + "|" + b);
    }
}
