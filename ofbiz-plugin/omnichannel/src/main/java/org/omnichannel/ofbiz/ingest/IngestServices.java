package org.omnichannel.ofbiz.ingest;

import java.util.Map;

import org.apache.ofbiz.base.util.Debug;
import org.apache.ofbiz.base.util.UtilDateTime;
import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.apache.ofbiz.service.DispatchContext;
import org.apache.ofbiz.service.GenericServiceException;
import org.apache.ofbiz.service.ServiceUtil;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.core.event.InvalidEventException;
import org.omnichannel.core.fan.FanId;
import org.omnichannel.core.fan.Resolution;
import org.omnichannel.ofbiz.fan.FanInsights;
import org.omnichannel.ofbiz.fan.FanResolver;
import org.omnichannel.ofbiz.fan.InteractionRecorder;
import org.omnichannel.ofbiz.fan.OmniEnums;
import org.omnichannel.ofbiz.incentive.IncentiveCrediting;
import org.omnichannel.ofbiz.order.OrderRecorder;

/**
 * The service {@code ingestChannelEvent}: one canonical event, applied exactly once in the
 * caller's transaction (the API event starts a new one per event). Order of work: validate
 * against the schema (core), check the channel, claim the receipt (a concurrent duplicate fails
 * here and is retried as DUPLICATE), resolve the fan with core's identity engine (which may merge
 * fans the event ties together), record the interaction, recompute the fan's value index,
 * lifecycle stage and next-best-action with core's insight engine, credit employees with core's
 * incentive engine (reversals for refunds and cancellations).
 */
public final class IngestServices {

    private static final String MODULE = IngestServices.class.getName();

    private IngestServices() {
    }

    public static Map<String, Object> ingestChannelEvent(DispatchContext dctx, Map<String, ? extends Object> context) {
        Delegator delegator = dctx.getDelegator();
        GenericValue userLogin = (GenericValue) context.get("userLogin");
        String json = (String) context.get("eventJson");
        ChannelEvent event;
        try {
            event = ChannelEventJson.read(json);
        } catch (InvalidEventException e) {
            return outcome(IngestOutcome.rejected(null, e.getMessage()), null);
        } catch (IllegalArgumentException e) {
            return outcome(IngestOutcome.rejected(null, "invalid ChannelEvent: " + e.getMessage()), null);
        }
        try {
            if (EntityQuery.use(delegator).from("OmniEventReceipt").where("eventId", event.eventId()).queryOne() != null) {
                return outcome(IngestOutcome.duplicate(event.eventId()), null);
            }
            GenericValue channel = EntityQuery.use(delegator).from("OmniChannel").where("channelId", event.channelId()).queryOne();
            if (channel == null) {
                return outcome(IngestOutcome.rejected(event.eventId(), "$.channelId: channel '" + event.channelId()
                        + "' is not set up in OFBiz: add it under Omnichannel > Channels"), null);
            }
            String expectedKind = OmniEnums.channelKind(event.channelKind());
            if (!expectedKind.equals(channel.getString("channelKindEnumId"))) {
                return outcome(IngestOutcome.rejected(event.eventId(), "$.channelKind: " + event.channelKind()
                        + " does not match channel '" + event.channelId() + "', which OFBiz has as "
                        + channel.getString("channelKindEnumId")), null);
            }

            GenericValue receipt = delegator.makeValue("OmniEventReceipt");
            receipt.set("eventId", event.eventId());
            receipt.set("channelId", event.channelId());
            receipt.set("eventType", event.type().name());
            receipt.set("occurredDate", java.sql.Timestamp.from(event.occurredAt()));
            receipt.set("processedDate", UtilDateTime.nowTimestamp());
            receipt.set("processedByUserLogin", userLogin == null ? null : userLogin.getString("userLoginId"));
            receipt.set("eventJson", json);
            receipt.create();

            Resolution resolution = new FanResolver(dctx, userLogin).resolve(event);
            String partyId = resolution.fan();
            new InteractionRecorder(delegator).record(event, channel, partyId);
            if (partyId != null) {
                receipt.set("partyId", partyId);
                receipt.store();
            }
            new OrderRecorder(dctx, userLogin).record(event, channel, partyId, receipt);
            FanInsights insights = new FanInsights(dctx);
            insights.refresh(partyId, event);
            for (FanId absorbed : resolution.mergedAway()) {
                insights.refresh(absorbed.value(), null);
            }
            new IncentiveCrediting(delegator).credit(event, partyId);
            Map<String, Object> result = outcome(IngestOutcome.accepted(event.eventId()), partyId);
            return result;
        } catch (GenericEntityException | GenericServiceException e) {
            Debug.logError(e, "ingestChannelEvent " + event.eventId() + " failed", MODULE);
            // An error result rolls this event's transaction back; the API answers it REJECTED.
            Map<String, Object> error = ServiceUtil.returnError("event " + event.eventId() + " could not be applied: "
                    + e.getMessage());
            error.put("eventId", event.eventId());
            return error;
        } catch (RuntimeException e) {
            Debug.logWarning("ingestChannelEvent " + event.eventId() + ": " + e.getMessage(), MODULE);
            Map<String, Object> error = ServiceUtil.returnError(e.getMessage());
            error.put("eventId", event.eventId());
            return error;
        }
    }

    private static Map<String, Object> outcome(IngestOutcome outcome, String partyId) {
        Map<String, Object> result = ServiceUtil.returnSuccess();
        result.put("eventId", outcome.eventId());
        result.put("ingestStatus", outcome.status().name());
        if (outcome.reason() != null) {
            result.put("reason", outcome.reason());
        }
        if (partyId != null) {
            result.put("partyId", partyId);
        }
        return result;
    }
}
