package org.omnichannel.ofbiz.fan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.ofbiz.base.util.UtilDateTime;
import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.condition.EntityCondition;
import org.apache.ofbiz.entity.condition.EntityOperator;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.apache.ofbiz.service.GenericServiceException;
import org.apache.ofbiz.service.LocalDispatcher;
import org.apache.ofbiz.service.ServiceUtil;
import org.omnichannel.core.event.PersonDetails;
import org.omnichannel.core.fan.FanId;
import org.omnichannel.core.fan.IdentityKey;
import org.omnichannel.core.fan.KeyType;
import org.omnichannel.core.fan.MatchRecord;
import org.omnichannel.core.fan.port.FanStore;

/**
 * Core's {@link FanStore} on the Delegator, inside the caller's transaction (one per event).
 * A fan is a Person party, created with OFBiz's createPerson; a record is an OmniFanRecord row
 * with its keys in OmniFanRecordKey. Every identity also gets an OmniFanIdentity row (the screens'
 * search) and, for e-mail and phone, an OFBiz ContactMech through createPartyEmailAddress /
 * createPartyTelecomNumber, so the stock party screens show it. Moving a record (merge, unmerge)
 * moves the event's receipt and interaction with it, so an unmerge gives a fan back its history.
 *
 * <p>Engine failures of the Delegator surface as {@link FanStoreException} (the port has no checked
 * exceptions); the ingest service turns them into an error result, which rolls the event back.
 */
public final class DelegatorFanStore implements FanStore {

    private final Delegator delegator;
    private final LocalDispatcher dispatcher;
    private final GenericValue userLogin;
    private final PersonDetails person;
    private final Map<String, String> displayValues;

    /**
     * @param person        the names a new fan's Person gets (the event's person), or null
     * @param displayValues identity key ({@link IdentityKey#key()}) to the value as the channel wrote it
     */
    public DelegatorFanStore(Delegator delegator, LocalDispatcher dispatcher, GenericValue userLogin, PersonDetails person,
            Map<String, String> displayValues) {
        this.delegator = delegator;
        this.dispatcher = dispatcher;
        this.userLogin = userLogin;
        this.person = person;
        this.displayValues = displayValues == null ? Map.of() : Map.copyOf(displayValues);
    }

    /** A Delegator or service failure inside a port call. */
    public static final class FanStoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FanStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public FanId newFanId() {
        Map<String, Object> context = new HashMap<>();
        context.put("userLogin", userLogin);
        if (person != null) {
            String first = person.givenName();
            String last = person.familyName();
            if (first == null && last == null) {
                last = person.fullName();
            }
            context.put("firstName", first);
            context.put("lastName", last);
        }
        return FanId.of((String) call("createPerson", context).get("partyId"));
    }

    @Override
    public void add(MatchRecord record, FanId fan, Collection<String> blockingKeys) {
        try {
            long seq = delegator.getNextSeqIdLong("OmniFanRecord");
            GenericValue row = delegator.makeValue("OmniFanRecord", FanRecordRows.fields(record));
            if (row.getString("sourceChannelId") != null && EntityQuery.use(delegator).from("OmniChannel")
                    .where("channelId", row.getString("sourceChannelId")).queryOne() == null) {
                row.set("sourceChannelId", null);
            }
            row.set("partyId", fan.value());
            row.set("recordSeq", seq);
            row.set("createdDate", UtilDateTime.nowTimestamp());
            delegator.create(row);
            Map<String, String> keys = new LinkedHashMap<>();
            record.keys().forEach(k -> keys.putIfAbsent(FanRecordRows.indexKey(k.key()), FanRecordRows.IDENTITY));
            blockingKeys.forEach(k -> keys.putIfAbsent(FanRecordRows.indexKey(k), FanRecordRows.BLOCK));
            for (Map.Entry<String, String> key : keys.entrySet()) {
                GenericValue keyRow = delegator.makeValue("OmniFanRecordKey");
                keyRow.set("keyValue", key.getKey());
                keyRow.set("recordId", record.recordId());
                keyRow.set("keyKind", key.getValue());
                keyRow.set("recordSeq", seq);
                delegator.create(keyRow);
            }
            for (IdentityKey key : record.keys()) {
                project(key, fan.value(), row.getString("sourceChannelId"));
            }
        } catch (GenericEntityException e) {
            throw new FanStoreException("could not store fan record " + record.recordId() + ": " + e.getMessage(), e);
        }
    }

    /** The OmniFanIdentity row of a key, created (with its ContactMech) when the key is new. */
    private void project(IdentityKey key, String partyId, String channelId) throws GenericEntityException {
        Optional<FanIdentityKey> rowKey = FanIdentityKey.of(key);
        if (rowKey.isEmpty() || identityRow(rowKey.get()) != null) {
            return;
        }
        GenericValue row = delegator.makeValue("OmniFanIdentity");
        row.set("identityTypeEnumId", rowKey.get().identityTypeEnumId());
        row.set("idNamespace", rowKey.get().namespace());
        row.set("normalizedValue", rowKey.get().normalizedValue());
        row.set("partyId", partyId);
        String display = displayValues.getOrDefault(key.key(), key.value());
        row.set("displayValue", display.length() > FanIdentityKey.MAX_VALUE ? key.value() : display);
        row.set("verified", key.verified() ? "Y" : "N");
        row.set("firstChannelId", channelId);
        row.set("fromDate", UtilDateTime.nowTimestamp());
        delegator.create(row);
        if (key.type() == KeyType.EMAIL) {
            contactMech("createPartyEmailAddress", partyId, "emailAddress", key.value(), "PRIMARY_EMAIL");
        } else if (key.type() == KeyType.PHONE) {
            contactMech("createPartyTelecomNumber", partyId, "contactNumber", key.value(), "PHONE_MOBILE");
        }
    }

    GenericValue identityRow(FanIdentityKey key) throws GenericEntityException {
        return EntityQuery.use(delegator).from("OmniFanIdentity").where("identityTypeEnumId", key.identityTypeEnumId(),
                "idNamespace", key.namespace(), "normalizedValue", key.normalizedValue()).queryOne();
    }

    private void contactMech(String service, String partyId, String field, String value, String purpose) {
        Map<String, Object> context = new HashMap<>();
        context.put("userLogin", userLogin);
        context.put("partyId", partyId);
        context.put(field, value);
        context.put("contactMechPurposeTypeId", purpose);
        call(service, context);
    }

    private Map<String, Object> call(String service, Map<String, Object> context) {
        try {
            Map<String, Object> result = dispatcher.runSync(service, context);
            if (!ServiceUtil.isSuccess(result)) {
                throw new FanStoreException(service + ": " + ServiceUtil.getErrorMessage(result), null);
            }
            return result;
        } catch (GenericServiceException e) {
            throw new FanStoreException(service + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void move(Collection<String> recordIds, FanId to) {
        try {
            Set<IdentityKey> keys = new LinkedHashSet<>();
            for (String recordId : recordIds) {
                GenericValue row = recordRow(recordId);
                if (row == null) {
                    throw new IllegalArgumentException("fan record '" + recordId + "' is not stored");
                }
                row.set("partyId", to.value());
                row.store();
                keys.addAll(FanRecordRows.record(row::getString).keys());
                for (String entity : List.of("OmniEventReceipt", "OmniInteraction")) {
                    for (GenericValue moved : EntityQuery.use(delegator).from(entity).where("eventId", recordId).queryList()) {
                        if (moved.getString("partyId") != null) {
                            moved.set("partyId", to.value());
                            moved.store();
                        }
                    }
                }
            }
            for (IdentityKey key : keys) {
                Optional<FanIdentityKey> rowKey = FanIdentityKey.of(key);
                GenericValue identity = rowKey.isEmpty() ? null : identityRow(rowKey.get());
                if (identity != null && !to.value().equals(identity.getString("partyId"))
                        && !fansWithKey(key.key()).contains(FanId.of(identity.getString("partyId")))) {
                    identity.set("partyId", to.value());
                    identity.store();
                }
            }
        } catch (GenericEntityException e) {
            throw new FanStoreException("could not move fan records to " + to + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<FanId> fanOf(String recordId) {
        GenericValue row = recordRow(recordId);
        return row == null ? Optional.empty() : Optional.of(FanId.of(row.getString("partyId")));
    }

    @Override
    public Optional<MatchRecord> record(String recordId) {
        GenericValue row = recordRow(recordId);
        return row == null ? Optional.empty() : Optional.of(FanRecordRows.record(row::getString));
    }

    @Override
    public List<MatchRecord> recordsOf(FanId fan) {
        try {
            List<MatchRecord> out = new ArrayList<>();
            for (GenericValue row : EntityQuery.use(delegator).from("OmniFanRecord").where("partyId", fan.value())
                    .orderBy("recordSeq").queryList()) {
                out.add(FanRecordRows.record(row::getString));
            }
            return out;
        } catch (GenericEntityException e) {
            throw new FanStoreException("could not read the records of fan " + fan + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Set<FanId> fansWithKey(String identityKey) {
        Set<FanId> fans = new LinkedHashSet<>();
        for (GenericValue row : records(keyRows(identityKey, FanRecordRows.IDENTITY, Integer.MAX_VALUE))) {
            fans.add(FanId.of(row.getString("partyId")));
        }
        return fans;
    }

    @Override
    public List<MatchRecord> recordsWithBlockingKey(String blockingKey, int limit) {
        List<GenericValue> rows = records(keyRows(blockingKey, FanRecordRows.BLOCK, limit));
        rows.sort(Comparator.comparing(row -> row.getLong("recordSeq")));
        List<MatchRecord> out = new ArrayList<>(rows.size());
        rows.forEach(row -> out.add(FanRecordRows.record(row::getString)));
        return out;
    }

    @Override
    public int blockingKeyCount(String blockingKey) {
        try {
            return (int) EntityQuery.use(delegator).from("OmniFanRecordKey")
                    .where("keyValue", FanRecordRows.indexKey(blockingKey), "keyKind", FanRecordRows.BLOCK).queryCount();
        } catch (GenericEntityException e) {
            throw new FanStoreException("could not count blocking key " + blockingKey + ": " + e.getMessage(), e);
        }
    }

    private List<String> keyRows(String key, String kind, int limit) {
        try {
            EntityQuery query = EntityQuery.use(delegator).from("OmniFanRecordKey")
                    .where("keyValue", FanRecordRows.indexKey(key), "keyKind", kind).orderBy("-recordSeq");
            if (limit < Integer.MAX_VALUE) {
                query = query.maxRows(limit);
            }
            List<String> ids = new ArrayList<>();
            for (GenericValue row : query.queryList()) {
                ids.add(row.getString("recordId"));
            }
            return limit < ids.size() ? ids.subList(0, limit) : ids;
        } catch (GenericEntityException e) {
            throw new FanStoreException("could not read key " + key + ": " + e.getMessage(), e);
        }
    }

    private List<GenericValue> records(List<String> recordIds) {
        if (recordIds.isEmpty()) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(EntityQuery.use(delegator).from("OmniFanRecord")
                    .where(EntityCondition.makeCondition("recordId", EntityOperator.IN, recordIds)).queryList());
        } catch (GenericEntityException e) {
            throw new FanStoreException("could not read fan records " + recordIds + ": " + e.getMessage(), e);
        }
    }

    private GenericValue recordRow(String recordId) {
        try {
            return EntityQuery.use(delegator).from("OmniFanRecord").where("recordId", recordId).queryOne();
        } catch (GenericEntityException e) {
            throw new FanStoreException("could not read fan record " + recordId + ": " + e.getMessage(), e);
        }
    }
}
