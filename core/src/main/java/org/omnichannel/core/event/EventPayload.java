package org.omnichannel.core.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The typed body of a {@link ChannelEvent}. In JSON the {@code kind} property names the record,
 * and it must be the one that the event's {@link EventType} calls for.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = OrderPayload.class, name = "order"),
        @JsonSubTypes.Type(value = RefundPayload.class, name = "refund"),
        @JsonSubTypes.Type(value = PaymentPayload.class, name = "payment"),
        @JsonSubTypes.Type(value = InteractionPayload.class, name = "interaction"),
        @JsonSubTypes.Type(value = IdentityLinkPayload.class, name = "identityLink"),
        @JsonSubTypes.Type(value = StockAdjustmentPayload.class, name = "stockAdjustment"),
        @JsonSubTypes.Type(value = FanProfilePayload.class, name = "fanProfile")
})
public sealed interface EventPayload
        permits OrderPayload, RefundPayload, PaymentPayload, InteractionPayload, IdentityLinkPayload,
        StockAdjustmentPayload, FanProfilePayload {
}
