package org.omnichannel.ofbiz.order;

import java.util.Locale;
import java.util.MissingResourceException;

/** ISO 3166-1 alpha-2 (the event's countryCode) to the alpha-3 code that OFBiz's Geo uses as geoId for countries. */
public final class Countries {

    private Countries() {
    }

    /** CN -> CHN, DE -> DEU; null for null or a code Java does not know. */
    public static String geoId(String alpha2) {
        if (alpha2 == null || !alpha2.matches("[A-Z]{2}")) {
            return null;
        }
        try {
            String alpha3 = new Locale("", alpha2).getISO3Country();
            return alpha3.isEmpty() ? null : alpha3;
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
