package org.omnichannel.core.inventory;

import org.omnichannel.core.event.ChannelKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Random but valid facilities and channel rules, for the property tests. */
final class RandomNetworks {

    private RandomNetworks() {
    }

    static AllocationRules rules(Random random) {
        int facilityCount = 1 + random.nextInt(6);
        int channelCount = 1 + random.nextInt(6);
        List<String> channelIds = new ArrayList<>();
        List<ChannelKind> channelKinds = new ArrayList<>();
        for (int c = 0; c < channelCount; c++) {
            channelIds.add("ch" + c);
            channelKinds.add(ChannelKind.values()[random.nextInt(ChannelKind.values().length)]);
        }
        List<Facility> facilities = new ArrayList<>();
        for (int f = 0; f < facilityCount; f++) {
            FacilityKind kind = FacilityKind.values()[random.nextInt(FacilityKind.values().length)];
            GeoPoint at = new GeoPoint(30 + random.nextDouble() * 2, 120 + random.nextDouble() * 2);
            Facility facility = Facility.shared("F" + f, kind, at).withWalkInReserve(random.nextInt(3))
                    .withPriority(random.nextInt(3));
            int sharing = random.nextInt(6);
            if (sharing == 0) {
                facility = facility.withSharing(StockSharing.OFFLINE_CHANNELS_ONLY, null);
            } else if (sharing == 1) {
                facility = facility.withSharing(StockSharing.OWNER_CHANNEL_ONLY, channelIds.get(random.nextInt(channelCount)));
            }
            facilities.add(facility);
        }
        int exclusiveChannel = random.nextInt(4) == 0 ? random.nextInt(channelCount) : -1;
        Set<String> exclusivelyHeld = new HashSet<>();
        List<Set<String>> named = new ArrayList<>();
        for (int c = 0; c < channelCount; c++) {
            Set<String> ids = new HashSet<>();
            for (Facility facility : facilities) {
                if (random.nextInt(3) > 0 && facility.sellableBy(channelIds.get(c), channelKinds.get(c))) {
                    ids.add(facility.id());
                }
            }
            named.add(ids);
            if (c == exclusiveChannel) {
                exclusivelyHeld.addAll(ids);
            }
        }
        List<ChannelRule> rules = new ArrayList<>();
        for (int c = 0; c < channelCount; c++) {
            Set<String> ids = new HashSet<>(named.get(c));
            if (c != exclusiveChannel) {
                ids.removeAll(exclusivelyHeld);
            }
            Set<FacilityKind> kinds = new HashSet<>();
            if (c != exclusiveChannel && random.nextInt(3) == 0) {
                kinds.add(FacilityKind.values()[random.nextInt(FacilityKind.values().length)]);
            }
            if (ids.isEmpty() && kinds.isEmpty()) {
                kinds.add(FacilityKind.WAREHOUSE);
            }
            Long cap = random.nextInt(4) == 0 ? (long) random.nextInt(15) : null;
            SafetyStock safety = random.nextInt(2) == 0 ? SafetyStock.NONE
                    : new SafetyStock(random.nextInt(3), random.nextInt(4) == 0 ? 100 : random.nextInt(40));
            Map<String, String> locations = new HashMap<>();
            if (random.nextInt(4) == 0) {
                for (String id : ids) {
                    locations.put(id, "loc" + random.nextInt(2));
                }
            }
            rules.add(new ChannelRule(channelIds.get(c), channelKinds.get(c), ids, kinds, safety, cap,
                    random.nextInt(3), 1 + random.nextInt(4), c == exclusiveChannel && !named.get(c).isEmpty(), locations));
        }
        return AllocationRules.of(facilities, rules);
    }
}
