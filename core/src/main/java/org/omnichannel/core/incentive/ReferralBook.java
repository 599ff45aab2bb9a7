package org.omnichannel.core.incentive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The touches the engine remembers, by fan and by referral code, and the fan merges it has been
 * told about: after "fan B was merged into fan A", B's touches are A's and an event still naming
 * B counts for A.
 */
final class ReferralBook {

    private static final Comparator<Touch> BY_TIME = Comparator.comparing(Touch::at).thenComparing(Touch::eventId);

    private final Map<String, List<Touch>> byFan = new HashMap<>();
    private final Map<String, Touch> byCode = new HashMap<>();
    private final Map<String, String> mergedInto = new HashMap<>();

    void add(Touch touch) {
        if (touch.fanId() != null) {
            List<Touch> touches = byFan.computeIfAbsent(canonical(touch.fanId()), f -> new ArrayList<>());
            touches.add(touch);
            if (touches.size() > 1 && BY_TIME.compare(touches.get(touches.size() - 2), touch) > 0) {
                touches.sort(BY_TIME); // events may arrive out of order
            }
        }
        if (touch.referralCode() != null) {
            byCode.putIfAbsent(touch.referralCode(), touch);
        }
    }

    /** The fan that survives all merges of {@code fanId}; null stays null. */
    String canonical(String fanId) {
        String current = fanId;
        while (current != null && mergedInto.containsKey(current)) {
            current = mergedInto.get(current);
        }
        return current;
    }

    /** Fan {@code mergedFanId} is now {@code survivorFanId}: its touches move over. */
    void merge(String survivorFanId, String mergedFanId) {
        String survivor = canonical(survivorFanId);
        String merged = canonical(mergedFanId);
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
    }

    /** The fan's touches and the touch that issued the code, without duplicates, oldest first. */
    List<Touch> candidates(String fanId, String referralCode) {
        Map<String, Touch> found = new LinkedHashMap<>();
        String fan = canonical(fanId);
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
