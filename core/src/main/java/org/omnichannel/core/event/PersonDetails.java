package org.omnichannel.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * What a channel told us about the person behind an event, besides identifiers: the evidence
 * the fan engine matches probabilistically. Every field is optional; names are kept as written
 * (小明, 王先生, "Mr Wang").
 *
 * @param locale BCP 47 tag (zh-CN, en-GB)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonDetails(String fullName, String givenName, String familyName, LocalDate birthDate,
                            String gender, String locale, Address address) {

    public PersonDetails {
        fullName = Checks.optionalText(fullName);
        givenName = Checks.optionalText(givenName);
        familyName = Checks.optionalText(familyName);
        gender = Checks.optionalText(gender);
        locale = Checks.optionalText(locale);
    }

    public static PersonDetails named(String fullName) {
        return new PersonDetails(fullName, null, null, null, null, null, null);
    }
}
