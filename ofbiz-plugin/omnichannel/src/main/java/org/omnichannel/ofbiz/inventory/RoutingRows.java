package org.omnichannel.ofbiz.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.omnichannel.core.inventory.Pick;
import org.omnichannel.core.inventory.Refusal;
import org.omnichannel.core.inventory.Reserved;
import org.omnichannel.core.inventory.ReservationResult;
import org.omnichannel.core.inventory.RoutingPlan;
import org.omnichannel.core.inventory.Shipment;
import org.omnichannel.core.inventory.Shortfall;

/**
 * Core's routing answer as the OUT parameters of routeOmniOrder: plain maps and lists a screen or
 * a Groovy script can show. Pure: no OFBiz class.
 */
public final class RoutingRows {

    private RoutingRows() {
    }

    /** shipments (facilityId, facilityKind, distanceKm, cost, picks: productId/lineId/quantity, reasons), reasons, cost; or refusal and shortfalls. */
    public static Map<String, Object> answer(ReservationResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (result instanceof Reserved reserved) {
            RoutingPlan plan = reserved.plan();
            List<Map<String, Object>> shipments = new ArrayList<>();
            for (Shipment s : plan.shipments()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("facilityId", s.facilityId());
                row.put("facilityKind", s.kind().name());
                row.put("distanceKm", decimal(s.distanceKm()));
                row.put("cost", decimal(s.cost()));
                List<Map<String, Object>> picks = new ArrayList<>();
                for (Pick p : s.picks()) {
                    picks.add(Map.of("lineId", p.lineId(), "productId", p.productId(), "quantity", p.quantity()));
                }
                row.put("picks", picks);
                row.put("reasons", s.reasons());
                shipments.add(row);
            }
            out.put("shipments", shipments);
            out.put("reasons", plan.reasons());
            out.put("cost", decimal(plan.cost()));
            out.put("split", plan.isSplit() ? "Y" : "N");
        } else if (result instanceof Refusal refusal) {
            out.put("refusal", refusal.reason());
            List<Map<String, Object>> shortfalls = new ArrayList<>();
            for (Shortfall s : refusal.shortfalls()) {
                shortfalls.add(Map.of("productId", s.productId(), "requested", s.requested(), "available", s.available()));
            }
            out.put("shortfalls", shortfalls);
        }
        return out;
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
