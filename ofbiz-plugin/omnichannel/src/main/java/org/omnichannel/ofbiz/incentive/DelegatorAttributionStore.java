package org.omnichannel.ofbiz.incentive;

import java.sql.Timestamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
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
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.InteractionKind;
import org.omnichannel.core.incentive.AttributionStore;
import org.omnichannel.core.incentive.OrderCreditState;
import org.omnichannel.core.incentive.Touch;

/**
 * Core's {@link AttributionStore} on the Delegator, in the event's transaction: touches in
 * OmniIncentiveTouch, credited orders in OmniIncentiveOrder, credited events and collected
 * contacts in OmniIncentiveMark. Fan merges are not kept twice: the identity engine's audit
 * (OmniFanMerge, merges not undone) is the one truth, so an unmerge also splits attribution again.
 */
public final class DelegatorAttributionStore implements AttributionStore {

    static final String EVENT = "EVENT";
    static final String CONTACT = "CONTACT";
    private static final int MAX_MERGE_DEPTH = 100;

    private final Delegator delegator;

    public DelegatorAttributionStore(Delegator delegator) {
        this.delegator = delegator;
    }

    @Override
    public boolean seen(String eventId) {
        return mark(EVENT, eventId) != null;
    }

    @Override
    public void markSeen(String eventId) {
        if (!seen(eventId)) {
            createMark(EVENT, eventId);
        }
    }

    @Override
    public void addTouch(Touch touch) {
        try {
            if (EntityQuery.use(delegator).from("OmniIncentiveTouch").where("eventId", touch.eventId()).queryOne() != null) {
                return;
            }
            GenericValue row = delegator.makeValue("OmniIncentiveTouch");
            row.set("eventId", touch.eventId());
            row.set("fanPartyId", touch.fanId());
            row.set("employeePartyId", touch.employeeId());
            row.set("channelId", touch.channelId());
            row.set("channelKind", touch.channelKind().name());
            row.set("facilityId", touch.facilityId());
            row.set("interactionKind", touch.subtype().name());
            row.set("occurredDate", Timestamp.from(touch.at()));
            row.set("referralCode", touch.referralCode());
            delegator.create(row);
        } catch (GenericEntityException e) {
            throw new IllegalStateException("could not record the touch of event " + touch.eventId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Touch> touches(String fanId, String referralCode) {
        try {
            Map<String, Touch> found = new LinkedHashMap<>();
            String fan = canonicalFan(fanId);
            if (fan != null) {
                for (GenericValue row : EntityQuery.use(delegator).from("OmniIncentiveTouch")
                        .where(EntityCondition.makeCondition("fanPartyId", EntityOperator.IN, new ArrayList<>(absorbedInto(fan))))
                        .queryList()) {
                    found.put(row.getString("eventId"), touch(row, fan));
                }
            }
            if (referralCode != null) {
                GenericValue row = EntityQuery.use(delegator).from("OmniIncentiveTouch").where("referralCode", referralCode)
                        .orderBy("occurredDate").queryFirst();
                if (row != null) {
                    found.putIfAbsent(row.getString("eventId"), touch(row, canonicalFan(row.getString("fanPartyId"))));
                }
            }
            List<Touch> touches = new ArrayList<>(found.values());
            touches.sort(Comparator.comparing(Touch::at).thenComparing(Touch::eventId));
            return touches;
        } catch (GenericEntityException e) {
            throw new IllegalStateException("could not read the touches of fan " + fanId + ": " + e.getMessage(), e);
        }
    }

    private static Touch touch(GenericValue row, String fan) {
        return new Touch(row.getString("eventId"), fan, row.getString("employeePartyId"), row.getString("channelId"),
                ChannelKind.valueOf(row.getString("channelKind")), row.getString("facilityId"),
                InteractionKind.valueOf(row.getString("interactionKind")), row.getTimestamp("occurredDate").toInstant(),
                row.getString("referralCode"));
    }

    @Override
    public String canonicalFan(String fanId) {
        String current = fanId;
        try {
            for (int depth = 0; current != null && depth < MAX_MERGE_DEPTH; depth++) {
                GenericValue merge = EntityQuery.use(delegator).from("OmniFanMerge")
                        .where("mergedPartyId", current, "unmergedDate", null).orderBy("-mergedDate").queryFirst();
                if (merge == null) {
                    return current;
                }
                current = merge.getString("survivorPartyId");
            }
            return current;
        } catch (GenericEntityException e) {
            throw new IllegalStateException("could not follow the merges of fan " + fanId + ": " + e.getMessage(), e);
        }
    }

    /** The fan and every fan merged into it, directly or through others, by merges that stand. */
    private Set<String> absorbedInto(String fan) throws GenericEntityException {
        Set<String> fans = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>();
        next.add(fan);
        while (!next.isEmpty() && fans.size() < MAX_MERGE_DEPTH) {
            String current = next.poll();
            if (fans.add(current)) {
                for (GenericValue merge : EntityQuery.use(delegator).from("OmniFanMerge")
                        .where("survivorPartyId", current, "unmergedDate", null).queryList()) {
                    next.add(merge.getString("mergedPartyId"));
                }
            }
        }
        return fans;
    }

    /** Nothing to do: the identity engine wrote the merge to OmniFanMerge in this transaction. */
    @Override
    public void mergeFans(String survivorFanId, String mergedFanId) {
    }

    @Override
    public boolean firstContactCollection(String fanId) {
        try {
            String fan = canonicalFan(fanId);
            for (String f : absorbedInto(fan)) {
                if (mark(CONTACT, f) != null) {
                    return false;
                }
            }
            createMark(CONTACT, fan);
            return true;
        } catch (GenericEntityException e) {
            throw new IllegalStateException("could not read the contacts of fan " + fanId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<OrderCreditState> order(String orderRef) {
        GenericValue row = orderRow(orderRef);
        return row == null ? Optional.empty() : Optional.of(OrderStates.fromJson(row.getString("stateJson")));
    }

    @Override
    public void saveOrder(OrderCreditState state) {
        try {
            GenericValue row = orderRow(state.orderRef());
            boolean created = row == null;
            if (created) {
                row = delegator.makeValue("OmniIncentiveOrder");
                row.set("orderRef", state.orderRef());
            }
            row.set("stateJson", OrderStates.toJson(state));
            row.set("lastUpdatedDate", UtilDateTime.nowTimestamp());
            if (created) {
                delegator.create(row);
            } else {
                row.store();
            }
        } catch (GenericEntityException e) {
            throw new IllegalStateException("could not save the credits of order " + state.orderRef() + ": " + e.getMessage(), e);
        }
    }

    private GenericValue orderRow(String orderRef) {
        try {
            return EntityQuery.use(delegator).from("OmniIncentiveOrder").where("orderRef", orderRef).queryOne();
        } catch (GenericEntityException e) {
            throw new IllegalStateException("could not read the credits of order " + orderRef + ": " + e.getMessage(), e);
        }
    }

    private GenericValue mark(String kind, String key) {
        try {
            return EntityQuery.use(delegator).from("OmniIncentiveMark").where("markKind", kind, "markKey", key).queryOne();
        } catch (GenericEntityException e) {
            throw new IllegalStateException("could not read " + kind + " " + key + ": " + e.getMessage(), e);
        }
    }

    private void createMark(String kind, String key) {
        try {
            GenericValue row = delegator.makeValue("OmniIncentiveMark");
            row.set("markKind", kind);
            row.set("markKey", key);
            row.set("markedDate", UtilDateTime.nowTimestamp());
            delegator.create(row);
        } catch (GenericEntityException e) {
            throw new IllegalStateException("could not record " + kind + " " + key + ": " + e.getMessage(), e);
        }
    }
}
