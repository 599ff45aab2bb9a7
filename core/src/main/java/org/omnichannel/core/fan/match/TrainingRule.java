package org.omnichannel.core.fan.match;

import org.omnichannel.core.fan.MatchRecord;

import java.util.function.Function;

/**
 * A blocking rule for training: pairs that agree exactly on one attribute. EM over those pairs
 * learns m of every other comparison; the rule's own comparison is left out (within the block it
 * always agrees, which says nothing about m), as Splink does.
 */
enum TrainingRule {
    GIVEN_NAME(Comparison.GIVEN_NAME, MatchRecord::givenName),
    SURNAME(Comparison.SURNAME, MatchRecord::surname),
    BIRTH_DATE(Comparison.BIRTH_DATE, MatchRecord::birthDate),
    EMAIL(Comparison.EMAIL, MatchRecord::email),
    PHONE(Comparison.PHONE, MatchRecord::phone),
    NATIONAL_ID(Comparison.NATIONAL_ID, MatchRecord::nationalId),
    POSTCODE(Comparison.POSTCODE, MatchRecord::postcode),
    STREET(Comparison.STREET, MatchRecord::street),
    CITY(Comparison.CITY, MatchRecord::city);

    private final Comparison comparison;
    private final Function<MatchRecord, String> key;

    TrainingRule(Comparison comparison, Function<MatchRecord, String> key) {
        this.comparison = comparison;
        this.key = key;
    }

    /** The comparison whose level 0 the rule's pairs are all at. */
    Comparison comparison() {
        return comparison;
    }

    String key(MatchRecord r) {
        return key.apply(r);
    }
}
