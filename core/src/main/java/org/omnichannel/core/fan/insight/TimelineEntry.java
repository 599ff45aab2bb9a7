package org.omnichannel.core.fan.insight;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.InteractionPayload;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.OrderLine;
import org.omnichannel.core.event.OrderPayload;
import org.omnichannel.core.event.PaymentPayload;
import org.omnichannel.core.event.RefundPayload;
import org.omnichannel.core.event.IdentityLinkPayload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of a fan's timeline: what the fan did, where (channel, facility), with whom (employee)
 * and about what (products, order, amount). A compact copy of the event: identities and personal
 * details are not kept here (they are the profile's), so an erased fan's timeline can stay.
 *
 * @param eventId         the event's id (the idempotency key: one entry per event)
 * @param occurredAt      when it happened
 * @param channelId       on which channel
 * @param channelKind     the channel's kind
 * @param activity        what the fan did
 * @param facilityId      the store or warehouse, or null
 * @param employeeId      the employee who served the fan, or null
 * @param productIds      the products it was about (product id, else SKU), possibly empty
 * @param orderId         the order it was about, or null
 * @param amount          the order total, refund or payment amount, or null
 * @param detail          a business word for the clerk: vendor order status, refund reason, payment
 *                        method, link evidence; never the fan's own words
 * @param text            what the fan wrote or said (comments, complaints): personal, removed on erasure
 * @param durationSeconds how long it lasted, or null
 * @param targetChannelId for a referral, the channel the fan was sent to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(String eventId, Instant occurredAt, String channelId, ChannelKind channelKind,
                            Activity activity, String facilityId, String employeeId, List<String> productIds,
                            String orderId, Money amount, String detail, String text, Long durationSeconds,
                            String targetChannelId) {

    public TimelineEntry {
        requireText(eventId, "eventId");
        if (occurredAt == null) {
            throw new IllegalArgumentException("timeline entry " + eventId + " needs occurredAt");
        }
        requireText(channelId, "channelId");
        if (channelKind == null || activity == null) {
            throw new IllegalArgumentException("timeline entry " + eventId + " needs channelKind and activity");
        }
        productIds = productIds == null ? List.of() : List.copyOf(productIds);
    }

    /**
     * The timeline entry of an event, or empty for events that are not about a fan (stock adjustments).
     */
    public static Optional<TimelineEntry> of(ChannelEvent event) {
        String facility = event.facility() == null ? null : event.facility().id();
        String employee = event.employee() == null ? null : event.employee().id();
        if (event.payload() instanceof InteractionPayload i) {
            return Optional.of(new TimelineEntry(event.eventId(), event.occurredAt(), event.channelId(),
                    event.channelKind(), Activity.of(i.subtype()), facility, employee, i.productIds(), i.orderId(),
                    null, null, i.text(), i.durationSeconds(), i.targetChannelId()));
        }
        Activity activity = Activity.ofType(event.type());
        if (activity == null) {
            return Optional.empty();
        }
        List<String> products = List.of();
        String orderId = null;
        Money amount = null;
        String detail = null;
        if (event.payload() instanceof OrderPayload o) {
            products = productsOf(o.lines());
            orderId = o.orderId();
            amount = o.grandTotal();
            detail = o.vendorStatus();
            if (facility == null && o.pickupFacility() != null) {
                facility = o.pickupFacility().id();
            }
        } else if (event.payload() instanceof RefundPayload r) {
            orderId = r.orderId();
            amount = r.amount();
            detail = r.reason();
            products = r.lines().stream().map(l -> l.sku() != null ? l.sku() : l.lineId()).toList();
        } else if (event.payload() instanceof PaymentPayload p) {
            orderId = p.orderId();
            amount = p.amount();
            detail = p.method().name();
        } else if (event.payload() instanceof IdentityLinkPayload l) {
            detail = l.evidence();
        }
        return Optional.of(new TimelineEntry(event.eventId(), event.occurredAt(), event.channelId(),
                event.channelKind(), activity, facility, employee, products, orderId, amount, detail, null, null, null));
    }

    /** This entry without the fan's own words: what erasure keeps. */
    public TimelineEntry withoutPersonalText() {
        return text == null ? this : new TimelineEntry(eventId, occurredAt, channelId, channelKind, activity,
                facilityId, employeeId, productIds, orderId, amount, detail, null, durationSeconds, targetChannelId);
    }

    private static List<String> productsOf(List<OrderLine> lines) {
        List<String> ids = new ArrayList<>(lines.size());
        for (OrderLine line : lines) {
            ids.add(line.productId() != null ? line.productId() : line.sku());
        }
        return ids;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("timeline entry needs " + field);
        }
    }
}
