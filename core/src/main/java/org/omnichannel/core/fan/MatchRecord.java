package org.omnichannel.core.fan;

import java.util.List;

/**
 * A record after normalisation: what the store keeps and the matcher compares. Every attribute is
 * a plain normalised string or null (unknown), so a database row holds it as it is.
 *
 * @param recordId     the {@link FanRecord#recordId()}
 * @param source       the channel it came from
 * @param keys         strong identifiers, normalised
 * @param givenName    folded, pinyin for Han, no spaces (xiaoming)
 * @param surname      folded likewise (wang)
 * @param birthDate    {@code yyyyMMdd}, possibly not a real date when the source had a typo
 * @param gender       M or F
 * @param email        the first e-mail, normalised
 * @param phone        the first phone, E.164
 * @param nationalId   letters and digits, upper case
 * @param streetNumber letters and digits
 * @param street       folded, spaces removed
 * @param locality     folded, spaces removed
 * @param city         folded, spaces removed
 * @param postcode     letters and digits, upper case
 * @param state        letters and digits, upper case
 * @param country      ISO alpha-2 or folded name
 */
public record MatchRecord(String recordId, String source, List<IdentityKey> keys, String givenName, String surname,
                          String birthDate, String gender, String email, String phone, String nationalId,
                          String streetNumber, String street, String locality, String city, String postcode,
                          String state, String country) {

    public MatchRecord {
        if (recordId == null || recordId.isBlank()) {
            throw new IllegalArgumentException("record id is required and must not be blank");
        }
        keys = keys == null ? List.of() : List.copyOf(keys);
    }
}
