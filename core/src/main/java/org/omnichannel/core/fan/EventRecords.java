package org.omnichannel.core.fan;

import org.omnichannel.core.event.Address;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.PersonDetails;

import java.util.Locale;

/** A {@link ChannelEvent} to the {@link FanRecord} the engine resolves: its identities and person details. */
public final class EventRecords {

    private EventRecords() {
    }

    /**
     * @param defaultRegion the channel's region for phone numbers without a country code (CN for a
     *                      Shanghai store); when null, the person's address country, then the
     *                      region of the person's locale (zh-CN), is used
     */
    public static FanRecord from(ChannelEvent event, String defaultRegion) {
        FanRecord.Builder b = FanRecord.builder(event.eventId()).source(event.channelId());
        PersonDetails person = event.person();
        b.defaultRegion(defaultRegion != null ? defaultRegion : region(person));
        for (Identity identity : event.identities()) {
            b.identity(KeyType.of(identity.type()), identity.value(), identity.namespace(), identity.verified());
        }
        if (person != null) {
            b.attribute(PersonField.FULL_NAME, person.fullName())
                    .attribute(PersonField.GIVEN_NAME, person.givenName())
                    .attribute(PersonField.SURNAME, person.familyName())
                    .attribute(PersonField.DOB, person.birthDate() == null ? null : person.birthDate().toString())
                    .attribute(PersonField.GENDER, person.gender());
            Address address = person.address();
            if (address != null) {
                b.attribute(PersonField.ADDRESS, address.line1())
                        .attribute(PersonField.LOCALITY, address.line2())
                        .attribute(PersonField.CITY, address.city())
                        .attribute(PersonField.STATE, address.region())
                        .attribute(PersonField.POSTCODE, address.postalCode())
                        .attribute(PersonField.COUNTRY, address.countryCode());
            }
        }
        return b.build();
    }

    private static String region(PersonDetails person) {
        if (person == null) {
            return null;
        }
        if (person.address() != null && person.address().countryCode() != null) {
            return person.address().countryCode();
        }
        if (person.locale() != null) {
            String country = Locale.forLanguageTag(person.locale()).getCountry();
            return country.isEmpty() ? null : country;
        }
        return null;
    }
}
