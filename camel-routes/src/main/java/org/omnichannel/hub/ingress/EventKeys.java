package org.omnichannel.hub.ingress;

import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.OrderPayload;
import org.omnichannel.core.event.PaymentPayload;
import org.omnichannel.core.event.RefundPayload;

import java.nio.charset.StandardCharsets;

/**
 * The Kafka key of an event on omni.inbound. Keyed by order when the event belongs to one (placed,
 * updated, cancelled, paid, refunded: one order's events stay on one partition, in order), else by
 * the fan's first identity (a fan's interactions stay in order), else by the event itself. Keying
 * by channel or system would put one busy shop on one partition. Identities are hashed: keys show
 * up in tools and logs, and must not carry personal data.
 */
public final class EventKeys {

    private EventKeys() {
    }

    public static String keyOf(ChannelEvent event) {
        String orderId = orderIdOf(event);
        if (orderId != null) {
            return event.channelId() + ":order:" + orderId;
        }
        if (!event.identities().isEmpty()) {
            Identity identity = event.identities().get(0);
            String text = identity.type() + "|" + (identity.namespace() == null ? "" : identity.namespace()) + "|"
                    + identity.value();
            return "fan:" + Signatures.sha256Hex(text.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
        }
        return "event:" + event.eventId();
    }

    private static String orderIdOf(ChannelEvent event) {
        if (event.payload() instanceof OrderPayload order) {
            return order.orderId();
        }
        if (event.payload() instanceof RefundPayload refund) {
            return refund.orderId();
        }
        if (event.payload() instanceof PaymentPayload payment) {
            return payment.orderId();
        }
        return null;
    }
}
