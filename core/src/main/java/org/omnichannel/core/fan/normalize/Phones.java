package org.omnichannel.core.fan.normalize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Locale;

/**
 * Phone numbers to E.164 with Google's libphonenumber. A number written without a country code
 * is read in the channel's default region; international prefixes such as 0086 (from China or
 * Germany) are understood; full-width digits are folded by NFKC first.
 */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {
    }

    /**
     * The E.164 form (+8613800138000), or null when the value is not a possible phone number in
     * that region, or has no country code and no default region was given.
     *
     * @param defaultRegion ISO 3166-1 alpha-2 of the channel, e.g. CN; may be null
     */
    public static String toE164(String raw, String defaultRegion) {
        String s = Text.nfkc(raw);
        if (s == null) {
            return null;
        }
        String region = defaultRegion == null ? "ZZ" : defaultRegion.toUpperCase(Locale.ROOT);
        try {
            PhoneNumber number = UTIL.parse(s, region);
            if (!UTIL.isPossibleNumber(number)) {
                return null;
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return null;
        }
    }
}
