package org.omnichannel.core.fan.normalize;

/**
 * Light address normalisation: case, accents, punctuation and spaces folded ("Ebden St." and
 * "ebden st" agree), postcodes reduced to their letters and digits in upper case ("sw1a 1aa" is
 * SW1A1AA). Street words are not expanded: the comparisons tolerate typos instead.
 */
public final class Addresses {

    private Addresses() {
    }

    /** A street, locality or city folded, spaces removed. */
    public static String place(String raw) {
        return Text.compact(raw);
    }

    public static String postcode(String raw) {
        return Text.alnumUpper(raw);
    }

    /** A house number: its letters and digits ("12 a" is 12A). */
    public static String streetNumber(String raw) {
        return Text.alnumUpper(raw);
    }

    /** A region or state code folded (NSW, nsw). */
    public static String region(String raw) {
        return Text.alnumUpper(raw);
    }
}
