package org.omnichannel.core.fan;

/**
 * The attributes of a person besides identifiers that a {@link FanRecord} may carry: what the
 * probabilistic matcher compares. The benchmark's {@code --map column=FIELD} names these (and the
 * {@link KeyType}s).
 */
public enum PersonField {
    GIVEN_NAME,
    SURNAME,
    /** A whole name in either order, with or without honorific (王小明, Mr Wang, Xiaoming Wang). */
    FULL_NAME,
    /** Birth date in any common written form (1990-05-03, 19900503, 03/05/1990, 1990年5月3日). */
    DOB,
    /** The street line: street name, possibly with the house number. */
    ADDRESS,
    STREET_NUMBER,
    /** A part of town, building or second address line. */
    LOCALITY,
    CITY,
    POSTCODE,
    STATE,
    COUNTRY,
    GENDER
}
