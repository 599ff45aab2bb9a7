package org.omnichannel.ofbiz.fan;

import java.util.Collection;

import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.omnichannel.core.fan.FanId;
import org.omnichannel.core.fan.FanRecord;
import org.omnichannel.core.fan.IdentityKey;
import org.omnichannel.core.fan.MatchRecord;
import org.omnichannel.core.fan.PersonField;
import org.omnichannel.core.fan.match.Blocking;
import org.omnichannel.core.fan.normalize.RecordNormalizer;

/**
 * Fans that exist only as OmniFanIdentity rows and a Person (demo data, fans made before the
 * identity engine) have no records for the engine to find. Adopting one gives it a single record,
 * {@code party:<partyId>}, built from its identities and its Person's names, birth date and gender;
 * its interactions without an event are filed under that record so a merge moves them along.
 */
final class LegacyFans {

    static final String RECORD_PREFIX = "party:";

    private final Delegator delegator;
    private final DelegatorFanStore store;

    LegacyFans(Delegator delegator, DelegatorFanStore store) {
        this.delegator = delegator;
        this.store = store;
    }

    /** Adopts the fans that hold one of these keys in OmniFanIdentity and have no record yet. */
    void adoptHoldersOf(Collection<IdentityKey> keys) throws GenericEntityException {
        for (IdentityKey key : keys) {
            FanIdentityKey rowKey = FanIdentityKey.of(key).orElse(null);
            GenericValue row = rowKey == null ? null : store.identityRow(rowKey);
            if (row != null && row.getTimestamp("thruDate") == null) {
                adopt(row.getString("partyId"));
            }
        }
    }

    /** Gives a Person with no fan record its adoption record; nothing for a fan the engine knows. */
    void adopt(String partyId) throws GenericEntityException {
        if (EntityQuery.use(delegator).from("OmniFanRecord").where("partyId", partyId).queryCount() > 0) {
            return;
        }
        GenericValue person = EntityQuery.use(delegator).from("Person").where("partyId", partyId).queryOne();
        if (person == null) {
            throw new IllegalArgumentException("fan " + partyId + " is not a Person");
        }
        String recordId = RECORD_PREFIX + partyId;
        FanRecord.Builder b = FanRecord.builder(recordId)
                .attribute(PersonField.GIVEN_NAME, person.getString("firstName"))
                .attribute(PersonField.SURNAME, person.getString("lastName"))
                .attribute(PersonField.DOB, person.getString("birthDate"))
                .attribute(PersonField.GENDER, person.getString("gender"));
        for (GenericValue identity : EntityQuery.use(delegator).from("OmniFanIdentity").where("partyId", partyId).queryList()) {
            if (identity.getTimestamp("thruDate") != null) {
                continue;
            }
            FanIdentityKey key = new FanIdentityKey(identity.getString("identityTypeEnumId"), identity.getString("idNamespace"),
                    identity.getString("normalizedValue"));
            b.identity(key.keyType(), key.normalizedValue(), key.coreNamespace(), "Y".equals(identity.getString("verified")));
        }
        MatchRecord record = RecordNormalizer.normalize(b.build());
        store.add(record, FanId.of(partyId), Blocking.keys(record));
        for (GenericValue interaction : EntityQuery.use(delegator).from("OmniInteraction").where("partyId", partyId, "eventId", null)
                .queryList()) {
            interaction.set("eventId", recordId);
            interaction.store();
        }
    }
}
