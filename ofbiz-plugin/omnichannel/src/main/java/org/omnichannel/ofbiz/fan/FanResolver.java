package org.omnichannel.ofbiz.fan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.ofbiz.base.util.UtilDateTime;
import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.apache.ofbiz.service.DispatchContext;
import org.apache.ofbiz.service.GenericServiceException;
import org.apache.ofbiz.service.LocalDispatcher;
import org.apache.ofbiz.service.ServiceUtil;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.PersonDetails;

/**
 * Finds the fan (an OFBiz Person) an event belongs to by its identities, or creates one, and
 * records identities not seen before. A fan is created with OFBiz's own services (createPerson,
 * createPartyEmailAddress, createPartyTelecomNumber) so that the stock party screens show the
 * email and phone too.
 *
 * <p>Deterministic matching only: an identity seen before names its fan. When the identities of
 * one event point at several fans, the event goes to the fan whose identity is oldest and the
 * others are left for a merge (mergeFans); probabilistic matching and merge proposals belong to
 * core's fan engine, which this adapter will call once it exists.
 */
public final class FanResolver {

    /** Column sizes of OmniFanIdentity (id-vlong, id-long). */
    static final int MAX_VALUE = 255;
    static final int MAX_NAMESPACE = 60;

    private final Delegator delegator;
    private final LocalDispatcher dispatcher;
    private final GenericValue userLogin;

    public FanResolver(DispatchContext dctx, GenericValue userLogin) {
        this.delegator = dctx.getDelegator();
        this.dispatcher = dctx.getDispatcher();
        this.userLogin = userLogin;
    }

    /** The fan's partyId, or null for an event that names no identity and no person (an anonymous visit). */
    public String resolve(ChannelEvent event) throws GenericEntityException, GenericServiceException {
        Map<IdentityKey, Identity> keys = new LinkedHashMap<>();
        for (int i = 0; i < event.identities().size(); i++) {
            Identity identity = event.identities().get(i);
            IdentityKey key = IdentityKey.of(identity);
            if (key.normalizedValue().length() > MAX_VALUE || key.namespace().length() > MAX_NAMESPACE) {
                throw new IllegalArgumentException("$.identities[" + i + "]: value or namespace too long for OFBiz (at most "
                        + MAX_VALUE + " and " + MAX_NAMESPACE + " characters)");
            }
            keys.putIfAbsent(key, identity);
        }
        if (keys.isEmpty()) {
            return null;
        }
        String partyId = null;
        java.sql.Timestamp oldest = null;
        List<IdentityKey> unknown = new ArrayList<>();
        for (IdentityKey key : keys.keySet()) {
            GenericValue row = EntityQuery.use(delegator).from("OmniFanIdentity")
                    .where("identityTypeEnumId", key.identityTypeEnumId(), "idNamespace", key.namespace(),
                            "normalizedValue", key.normalizedValue())
                    .queryOne();
            if (row == null || row.getTimestamp("thruDate") != null) {
                unknown.add(key);
            } else if (oldest == null || row.getTimestamp("fromDate").before(oldest)) {
                oldest = row.getTimestamp("fromDate");
                partyId = row.getString("partyId");
            }
        }
        if (partyId == null) {
            partyId = createPerson(event.person());
        }
        for (IdentityKey key : unknown) {
            addIdentity(partyId, key, keys.get(key), event.channelId());
        }
        return partyId;
    }

    private String createPerson(PersonDetails person) throws GenericServiceException {
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
        Map<String, Object> result = dispatcher.runSync("createPerson", context);
        if (!ServiceUtil.isSuccess(result)) {
            throw new GenericServiceException("createPerson: " + ServiceUtil.getErrorMessage(result));
        }
        return (String) result.get("partyId");
    }

    private void addIdentity(String partyId, IdentityKey key, Identity identity, String channelId)
            throws GenericEntityException, GenericServiceException {
        GenericValue row = delegator.makeValue("OmniFanIdentity");
        row.set("identityTypeEnumId", key.identityTypeEnumId());
        row.set("idNamespace", key.namespace());
        row.set("normalizedValue", key.normalizedValue());
        row.set("partyId", partyId);
        row.set("displayValue", identity.value());
        row.set("verified", identity.verified() ? "Y" : "N");
        row.set("firstChannelId", channelId);
        row.set("fromDate", UtilDateTime.nowTimestamp());
        delegator.create(row);
        if (identity.type() == IdentityType.EMAIL) {
            contactMech("createPartyEmailAddress", partyId, "emailAddress", key.normalizedValue(), "PRIMARY_EMAIL");
        } else if (identity.type() == IdentityType.PHONE) {
            contactMech("createPartyTelecomNumber", partyId, "contactNumber", key.normalizedValue(), "PHONE_MOBILE");
        }
    }

    private void contactMech(String service, String partyId, String field, String value, String purpose)
            throws GenericServiceException {
        Map<String, Object> context = new HashMap<>();
        context.put("userLogin", userLogin);
        context.put("partyId", partyId);
        context.put(field, value);
        context.put("contactMechPurposeTypeId", purpose);
        Map<String, Object> result = dispatcher.runSync(service, context);
        if (!ServiceUtil.isSuccess(result)) {
            throw new GenericServiceException(service + ": " + ServiceUtil.getErrorMessage(result));
        }
    }
}
