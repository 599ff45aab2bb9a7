package org.omnichannel.ofbiz.fan;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.Set;

import org.apache.ofbiz.base.util.UtilDateTime;
import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.OrderPayload;

/**
 * Keeps the facts of a fan's OmniFanScore row current as events arrive: orders, interactions,
 * channels used, money spent (in the fan's first currency) and when the fan was last seen. The
 * value index, lifecycle stage and next best action are left to core's insight engine
 * (org.omnichannel.core.fan.insight) and are not computed here.
 */
public final class FanActivity {

    private final Delegator delegator;

    public FanActivity(Delegator delegator) {
        this.delegator = delegator;
    }

    public void record(ChannelEvent event, String partyId) throws GenericEntityException {
        if (partyId == null) {
            return;
        }
        GenericValue score = EntityQuery.use(delegator).from("OmniFanScore").where("partyId", partyId).queryOne();
        boolean created = score == null;
        if (created) {
            score = delegator.makeValue("OmniFanScore");
            score.set("partyId", partyId);
            score.set("orderCount", 0L);
            score.set("interactionCount", 0L);
            score.set("totalSpent", BigDecimal.ZERO);
        }
        if (event.type() == EventType.ORDER_PLACED) {
            score.set("orderCount", count(score, "orderCount") + 1);
            Money total = event.payloadAs(OrderPayload.class).grandTotal();
            String currency = score.getString("currencyUomId");
            if (currency == null || currency.equals(total.currency())) {
                score.set("currencyUomId", total.currency());
                BigDecimal spent = score.getBigDecimal("totalSpent");
                score.set("totalSpent", (spent == null ? BigDecimal.ZERO : spent).add(total.toDecimal()));
            }
        } else if (event.type() == EventType.INTERACTION) {
            score.set("interactionCount", count(score, "interactionCount") + 1);
        }
        score.set("channelCount", (long) channels(partyId, event.channelId()).size());
        Timestamp occurred = Timestamp.from(event.occurredAt());
        Timestamp last = score.getTimestamp("lastEventDate");
        if (last == null || occurred.after(last)) {
            score.set("lastEventDate", occurred);
        }
        score.set("computedDate", UtilDateTime.nowTimestamp());
        if (created) {
            delegator.create(score);
        } else {
            score.store();
        }
    }

    private static long count(GenericValue score, String field) {
        Long value = score.getLong(field);
        return value == null ? 0 : value;
    }

    private Set<String> channels(String partyId, String current) throws GenericEntityException {
        Set<String> channels = new HashSet<>();
        channels.add(current);
        for (GenericValue receipt : EntityQuery.use(delegator).from("OmniEventReceipt").where("partyId", partyId).queryList()) {
            channels.add(receipt.getString("channelId"));
        }
        for (GenericValue interaction : EntityQuery.use(delegator).from("OmniInteraction").where("partyId", partyId).queryList()) {
            channels.add(interaction.getString("channelId"));
        }
        return channels;
    }
}
