package org.omnichannel.hub.outbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.omnichannel.connector.spi.OutboundMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one channel's share of a batch becomes: stock levels coalesced per product and location (only the
 * latest level is sent; the ones it supersedes are counted, not sent), grouped into requests of up to the
 * connector's {@code stockLevelsPerRequest()}; every other message on its own.
 *
 * @param units      what to send, in order
 * @param superseded levels a later level of the same product replaced
 */
record PushPlan(List<Unit> units, List<Pending> superseded) {

    /** One record of omni.outbound, read. */
    record Pending(ConsumerRecord<String, byte[]> record, OutboxEntry entry, OutboundMessage message) {
    }

    /**
     * Messages sent together: one message, or (when {@code stockBatch}) up to {@code stockLevelsPerRequest}
     * coalesced levels of different products sent through {@code outboundStock}.
     */
    record Unit(List<Pending> messages, boolean stockBatch) {

        List<OutboundMessage.StockLevel> levels() {
            return messages.stream().map(p -> (OutboundMessage.StockLevel) p.message()).toList();
        }
    }

    static PushPlan of(List<Pending> pending, int stockLevelsPerRequest) {
        Map<String, Integer> latest = new HashMap<>();
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).message() instanceof OutboundMessage.StockLevel level) {
                latest.put(identity(level), i);
            }
        }
        List<Unit> units = new ArrayList<>();
        List<Pending> superseded = new ArrayList<>();
        List<Pending> levels = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Pending one = pending.get(i);
            if (one.message() instanceof OutboundMessage.StockLevel level) {
                if (latest.get(identity(level)) == i) {
                    levels.add(one);
                } else {
                    superseded.add(one);
                }
            } else {
                units.add(new Unit(List.of(one), false));
            }
        }
        int size = Math.max(1, stockLevelsPerRequest);
        for (int from = 0; from < levels.size(); from += size) {
            List<Pending> chunk = List.copyOf(levels.subList(from, Math.min(levels.size(), from + size)));
            units.add(new Unit(chunk, size > 1));
        }
        return new PushPlan(List.copyOf(units), List.copyOf(superseded));
    }

    /** Levels of one product at one location of one channel supersede each other. */
    static String identity(OutboundMessage.StockLevel level) {
        return level.channelId() + "\u001f" + Objects.requireNonNullElse(level.sku(), "") + "\u001f"
                + Objects.requireNonNullElse(level.productId(), "") + "\u001f"
                + Objects.requireNonNullElse(level.locationId(), "");
    }
}
