package org.omnichannel.ofbiz.order;

import java.util.HashMap;
import java.util.Map;

import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.apache.ofbiz.service.GenericServiceException;
import org.apache.ofbiz.service.LocalDispatcher;
import org.omnichannel.core.event.Address;

/**
 * The fan's postal address for an order's ship-to or bill-to: the fan's existing PostalAddress
 * with the same lines, or a new one made with OFBiz's {@code createPartyPostalAddress} (so the
 * stock party screens show it with its purpose). An address OFBiz would refuse (a US or Canadian
 * address whose state it does not know) is not created; the caller keeps it as text.
 */
final class FanAddresses {

    private static final int TEXT_LENGTH = 100;

    private final Delegator delegator;
    private final LocalDispatcher dispatcher;
    private final GenericValue systemLogin;

    FanAddresses(Delegator delegator, LocalDispatcher dispatcher, GenericValue systemLogin) {
        this.delegator = delegator;
        this.dispatcher = dispatcher;
        this.systemLogin = systemLogin;
    }

    /** The contactMechId of the fan's address, creating it with {@code purpose}; null if it cannot be stored. */
    String contactMechId(String partyId, Address address, String purpose) throws GenericEntityException, GenericServiceException {
        if (address == null || address.line1() == null || address.city() == null) {
            return null;
        }
        String countryGeoId = Countries.geoId(address.countryCode());
        if (countryGeoId != null && EntityQuery.use(delegator).from("Geo").where("geoId", countryGeoId).queryOne() == null) {
            countryGeoId = null;
        }
        String stateGeoId = stateGeoId(countryGeoId, address.region());
        if (stateGeoId == null && ("USA".equals(countryGeoId) || "CAN".equals(countryGeoId))) {
            return null;
        }
        String postalCode = address.postalCode() == null ? null : clip(address.postalCode(), 60);
        GenericValue existing = EntityQuery.use(delegator).from("PartyAndPostalAddress")
                .where("partyId", partyId, "address1", clip(address.line1(), 255), "city", clip(address.city(), 100),
                        "postalCode", postalCode, "countryGeoId", countryGeoId)
                .filterByDate().queryFirst();
        if (existing != null) {
            return existing.getString("contactMechId");
        }
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("partyId", partyId);
        ctx.put("contactMechPurposeTypeId", purpose);
        ctx.put("toName", address.name() == null ? null : clip(address.name(), TEXT_LENGTH));
        ctx.put("address1", clip(address.line1(), 255));
        ctx.put("address2", address.line2() == null ? null : clip(address.line2(), 255));
        ctx.put("city", clip(address.city(), 100));
        ctx.put("postalCode", postalCode);
        ctx.put("countryGeoId", countryGeoId);
        ctx.put("stateProvinceGeoId", stateGeoId);
        ctx.put("userLogin", systemLogin);
        Map<String, Object> result = dispatcher.runSync("createPartyPostalAddress", ctx);
        OfbizResults.require("createPartyPostalAddress", result);
        return (String) result.get("contactMechId");
    }

    /** The address as one line, for shipping instructions when it cannot be a PostalAddress. */
    static String text(Address address) {
        if (address == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {address.name(), address.line1(), address.line2(), address.postalCode(), address.city(),
                address.region(), address.countryCode(), address.phone()}) {
            if (part != null) {
                text.append(text.length() == 0 ? "" : ", ").append(part);
            }
        }
        return text.length() == 0 ? null : clip(text.toString(), 255);
    }

    /** OFBiz's geoId of the region inside the country (CA in USA), or null. */
    private String stateGeoId(String countryGeoId, String region) throws GenericEntityException {
        if (countryGeoId == null || region == null) {
            return null;
        }
        for (String candidate : new String[] {region, countryGeoId + "-" + region}) {
            if (candidate.length() <= 20 && EntityQuery.use(delegator).from("GeoAssoc")
                    .where("geoId", countryGeoId, "geoIdTo", candidate, "geoAssocTypeId", "REGIONS").queryOne() != null) {
                return candidate;
            }
        }
        return null;
    }

    private static String clip(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
