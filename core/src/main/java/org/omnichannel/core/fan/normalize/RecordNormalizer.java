package org.omnichannel.core.fan.normalize;

import org.omnichannel.core.fan.FanRecord;
import org.omnichannel.core.fan.IdentityKey;
import org.omnichannel.core.fan.KeyType;
import org.omnichannel.core.fan.MatchRecord;
import org.omnichannel.core.fan.PersonField;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A raw {@link FanRecord} to its normalised {@link MatchRecord}; values that do not parse are dropped. */
public final class RecordNormalizer {

    private RecordNormalizer() {
    }

    public static MatchRecord normalize(FanRecord raw) {
        Set<IdentityKey> keys = new LinkedHashSet<>();
        String email = null;
        String phone = null;
        String nationalId = null;
        String region = region(raw);
        for (FanRecord.RawKey k : raw.identities()) {
            String value = identifier(k.type(), k.value(), region);
            if (value == null) {
                continue;
            }
            keys.add(new IdentityKey(k.type(), k.namespace(), value, k.verified()));
            if (k.type() == KeyType.EMAIL && email == null) {
                email = value;
            } else if (k.type() == KeyType.PHONE && phone == null) {
                phone = value;
            } else if (k.type() == KeyType.NATIONAL_ID && nationalId == null) {
                nationalId = value;
            }
        }
        PersonName name = Names.normalize(raw.attribute(PersonField.FULL_NAME), raw.attribute(PersonField.GIVEN_NAME),
                raw.attribute(PersonField.SURNAME));
        String gender = gender(raw.attribute(PersonField.GENDER));
        if (gender == null) {
            gender = name.genderHint();
        }
        String streetNumber = Addresses.streetNumber(raw.attribute(PersonField.STREET_NUMBER));
        String street = Addresses.place(raw.attribute(PersonField.ADDRESS));
        return new MatchRecord(raw.recordId(), raw.source(), new ArrayList<>(keys), name.given(), name.surname(),
                Dates.normalize(raw.attribute(PersonField.DOB)), gender, email, phone, nationalId, streetNumber,
                street, Addresses.place(raw.attribute(PersonField.LOCALITY)),
                Addresses.place(raw.attribute(PersonField.CITY)), Addresses.postcode(raw.attribute(PersonField.POSTCODE)),
                Addresses.region(raw.attribute(PersonField.STATE)), Addresses.region(raw.attribute(PersonField.COUNTRY)));
    }

    /** The record's default region, else its COUNTRY when that is an ISO 3166-1 alpha-2 code. */
    private static String region(FanRecord raw) {
        if (raw.defaultRegion() != null) {
            return raw.defaultRegion();
        }
        String country = Text.nfkc(raw.attribute(PersonField.COUNTRY));
        return country != null && country.length() == 2 && Character.isLetter(country.charAt(0))
                && Character.isLetter(country.charAt(1)) ? country.toUpperCase(Locale.ROOT) : null;
    }

    /** The normal form of one identifier, or null when it does not parse. */
    public static String identifier(KeyType type, String raw, String defaultRegion) {
        return switch (type) {
            case EMAIL -> Emails.normalize(raw);
            case PHONE -> Phones.toE164(raw, defaultRegion);
            case NATIONAL_ID -> Text.alnumUpper(raw);
            default -> {
                // Platform ids are case-sensitive (WeChat openids are); only NFKC and trimming.
                yield Text.nfkc(raw);
            }
        };
    }

    /** M or F from the common spellings (m, male, 男, f, female, 女...), else null. */
    public static String gender(String raw) {
        String s = Text.nfkc(raw);
        if (s == null) {
            return null;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "m", "male", "man", "男", "先生", "mr" -> "M";
            case "f", "female", "woman", "女", "女士", "mrs", "ms" -> "F";
            default -> null;
        };
    }
}
