package org.omnichannel.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A postal address as the channel gave it.
 *
 * @param countryCode ISO 3166-1 alpha-2 (CN, DE, US...)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Address(String name, String line1, String line2, String city, String region,
                      String postalCode, String countryCode, String phone) {

    public Address {
        name = Checks.optionalText(name);
        line1 = Checks.optionalText(line1);
        line2 = Checks.optionalText(line2);
        city = Checks.optionalText(city);
        region = Checks.optionalText(region);
        postalCode = Checks.optionalText(postalCode);
        countryCode = Checks.optionalText(countryCode);
        phone = Checks.optionalText(phone);
        if (countryCode != null && !countryCode.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("address.countryCode '" + countryCode
                    + "' is not an ISO 3166-1 alpha-2 code such as CN or DE");
        }
    }
}
