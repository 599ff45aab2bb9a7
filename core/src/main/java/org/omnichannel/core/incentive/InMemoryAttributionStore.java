package org.omnichannel.core.incentive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The attribution memory in memory: touches by fan and by referral code, fan merges (after "fan B
 * was merged into fan A", B's touches are A's and an event still naming B counts for A), fans
 * whose contact was collected, credited orders and seen event ids. Not thread-safe: the engine
 * calls it one event at a time.
 */
public final class InMemoryAttributionStore implements AttributionStore {

    private static final Comparator<Touch> BY_TIME = Comparator.comparing(Touch::at).thenComparing(Touch::eventId);

    private final Map<String, List<Touch>> byFan = new HashMap<>();
    private final Map<String, Touch> byCode = new HashMap<>();
    private final Map<String, String> mergedInto = new HashMap<>();
    private final Set<String> contactCollected = new HashSet<>();
    private final Set<String> seenEventIds = new HashSet<>();
    private final Map<String, OrderCreditState> orders = new HashMap<>();

    @Override
    public boolean seen(String eventId) {
        return seenEventIds.contains(eventId);
    }

    @Override
    public void markSeen(String eventId) {
        seenEventIds.add(eventId);
    }

    @Override
    public boolean firstContactCollection(String fanId) {
        return contactCollected.add(canonicalFan(fanId));
    }

    @Override
    public Optional<OrderCreditState> order(String orderRef) {
        return Optional.ofNullable(orders.get(orderRef));
    }

    @Override
    public void saveOrder(OrderCreditState state) {
        orders.put(state.orderRef(), state);
    }

    @Override
    public void addTouch(Touch touch) {
        if (touch.fanId() != null) {
            List<Touch> touches = byFan.computeIfAbsent(canonicalFan(touch.fanId()), f -> new ArrayList<>());
            touches.add(touch);
            if (touches.size() > 1 && BY_TIME.compare(touches.get(touches.size() - 2), touch) > 0) {
                touches.sort(BY_TIME); // events may arrive out of order
            }
        }
        if (touch.referralCode() != null) {
            byCode.putIfAbsent(touch.referralCode(), touch);
        }
    }

    @Override
    public String canonicalFan(String fanId) {
        String current = fanId;
        while (current != null && mergedInto.containsKey(current)) {
            current = mergedInto.get(current);
        }
        return current;
    }

    @Override
    public void mergeFans(String survivorFanId, String mergedFanId) {
        String survivor = canonicalFan(survivorFanId);
        String merged = canonicalFan(mergedFanId);
        if (survivor.equals(merged)) {
            throw new IllegalArgumentException("fan " + mergedFanId + " is already merged into " + survivor);
        }
        mergedInto.put(merged, survivor);
        List<Touch> moved = byFan.remove(merged);
        if (moved != null) {
            List<Touch> touches = byFan.computeIfAbsent(survivor, f -> new ArrayList<>());
            touches.addAll(moved);
            touches.sort(BY_TIME);
        }
        if (contactCollected.remove(merged)) {
            contactCollected.add(survivor);
        }
    }

    @Override
    public List<Touch> touches(String fanId, String referralCode) {
        Map<String, Touch> found = new LinkedHashMap<>();
        String fan = canonicalFan(fanId);
        if (fan != null) {
            for (Touch t : byFan.getOrDefault(fan, List.of())) {
                found.put(t.eventId(), t);
            }
        }
        if (referralCode != null) {
            Touch byReferral = byCode.get(referralCode);
            if (byReferral != null) {
                found.putIfAbsent(byReferral.eventId(), byReferral);
            }
        }
        List<Touch> result = new ArrayList<>(found.values());
        result.sort(BY_TIME);
        return result;
    }
}
