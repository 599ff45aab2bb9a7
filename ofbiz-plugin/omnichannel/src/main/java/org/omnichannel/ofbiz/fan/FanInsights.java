package org.omnichannel.ofbiz.fan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.ofbiz.base.util.Debug;
import org.apache.ofbiz.base.util.UtilDateTime;
import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.apache.ofbiz.service.DispatchContext;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.core.event.InteractionPayload;
import org.omnichannel.core.event.InvalidEventException;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.fan.insight.ActionAdvice;
import org.omnichannel.core.fan.insight.ActionContext;
import org.omnichannel.core.fan.insight.ActionHint;
import org.omnichannel.core.fan.insight.ActionSettings;
import org.omnichannel.core.fan.insight.ConsentPolicy;
import org.omnichannel.core.fan.insight.FanEvent;
import org.omnichannel.core.fan.insight.FanInsight;
import org.omnichannel.core.fan.insight.FanInsightEngine;
import org.omnichannel.core.fan.insight.FanView;
import org.omnichannel.core.fan.insight.LifecycleStage;
import org.omnichannel.core.fan.insight.NextBestActions;
import org.omnichannel.core.fan.insight.StockLookup;
import org.omnichannel.ofbiz.inventory.OfbizStock;

/**
 * Recomputes a fan's OmniFanScore with core's insight engine (org.omnichannel.core.fan.insight):
 * the fan's events, kept in OmniEventReceipt, are replayed into the engine, whose insight gives the
 * value index, lifecycle stage and figures, and whose next-best-action rules, asked in the context
 * of the event just received (a clerk in that store, or the service desk), give the next action and
 * its reason. Stock questions go to the inventory engine over OFBiz's InventoryItems
 * ({@link OfbizStock}). Nothing of the formulas lives here.
 */
public final class FanInsights {

    private static final String MODULE = FanInsights.class.getName();

    private final Delegator delegator;
    private final StockLookup stock;

    public FanInsights(DispatchContext dctx) {
        this.delegator = dctx.getDelegator();
        this.stock = OfbizStock.lookup(delegator);
    }

    /** The OMNI_LIFECYCLE enumeration of a stage (data/OmnichannelTypeData.xml). */
    public static String lifecycleEnumId(LifecycleStage stage) {
        return "OMNI_LC_" + stage.name();
    }

    /**
     * Refreshes the fan's score as of now.
     *
     * @param current the event just received, which says where the fan is (null: the service desk)
     */
    public void refresh(String partyId, ChannelEvent current) throws GenericEntityException {
        if (partyId == null) {
            return;
        }
        FanInsightEngine engine = FanInsightEngine.withDefaults();
        for (GenericValue receipt : EntityQuery.use(delegator).from("OmniEventReceipt").where("partyId", partyId)
                .orderBy("occurredDate").queryList()) {
            String json = receipt.getString("eventJson");
            if (json == null) {
                continue;
            }
            try {
                engine.record(new FanEvent(partyId, ChannelEventJson.read(json)));
            } catch (InvalidEventException | IllegalArgumentException e) {
                // A receipt written by an older schema: it no longer counts towards the index.
            }
        }
        Instant now = UtilDateTime.nowTimestamp().toInstant();
        Optional<FanView> view = engine.view(partyId, now);

        GenericValue score = EntityQuery.use(delegator).from("OmniFanScore").where("partyId", partyId).queryOne();
        boolean created = score == null;
        if (created) {
            score = delegator.makeValue("OmniFanScore");
            score.set("partyId", partyId);
        }
        if (view.isPresent()) {
            FanInsight insight = view.get().insight();
            score.set("valueIndex", BigDecimal.valueOf(insight.index().value()).setScale(1, RoundingMode.HALF_UP));
            score.set("lifecycleEnumId", lifecycleEnumId(insight.stage()));
            score.set("orderCount", (long) insight.orders());
            score.set("interactionCount", (long) insight.interactions());
            score.set("channelCount", (long) insight.channels().size());
            Map<String, Long> spend = insight.netSpendMinor();
            if (!spend.isEmpty()) {
                Map.Entry<String, Long> main = spend.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
                score.set("currencyUomId", main.getKey());
                score.set("totalSpent", new Money(main.getValue(), main.getKey()).toDecimal());
            }
            score.set("lastEventDate", insight.lastActivity() == null ? null : Timestamp.from(insight.lastActivity()));
            NextAction next;
            try {
                next = NextAction.of(new NextBestActions(stock, ConsentPolicy.defaults(), ActionSettings.defaults())
                        .advise(view.get(), context(current, now)));
            } catch (RuntimeException e) {
                // Advice must never cost the event: a stock set-up the engine refuses only leaves the hint out.
                Debug.logWarning("next-best-action for fan " + partyId + " failed: " + e.getMessage(), MODULE);
                next = new NextAction(OmniEnums.NO_NEXT_ACTION, "next-best-action could not be computed: " + e.getMessage());
            }
            score.set("nextActionEnumId", next.enumId());
            score.set("nextActionReason", next.reason());
        } else {
            score.set("valueIndex", BigDecimal.ZERO.setScale(1));
            score.set("lifecycleEnumId", lifecycleEnumId(LifecycleStage.PROSPECT));
            score.set("orderCount", 0L);
            score.set("interactionCount", 0L);
            score.set("channelCount", 0L);
            score.set("totalSpent", null);
            score.set("lastEventDate", null);
            score.set("nextActionEnumId", OmniEnums.NO_NEXT_ACTION);
            score.set("nextActionReason", null);
        }
        score.set("computedDate", UtilDateTime.nowTimestamp());
        if (created) {
            delegator.create(score);
        } else {
            score.store();
        }
    }

    /**
     * Where advice is asked: a clerk in the store of an offline event (its facility, else its
     * channel's), about the products of the interaction; otherwise the service desk.
     */
    private ActionContext context(ChannelEvent event, Instant now) throws GenericEntityException {
        if (event == null || !event.channelKind().isOffline()) {
            return ActionContext.serviceDesk(now);
        }
        String facilityId = event.facility() == null ? null : event.facility().id();
        if (facilityId == null || EntityQuery.use(delegator).from("Facility").where("facilityId", facilityId).queryOne() == null) {
            GenericValue channel = EntityQuery.use(delegator).from("OmniChannel").where("channelId", event.channelId()).queryOne();
            facilityId = channel == null ? null : channel.getString("facilityId");
        }
        if (facilityId == null) {
            return ActionContext.serviceDesk(now);
        }
        List<String> products = event.payload() instanceof InteractionPayload interaction ? interaction.productIds() : List.of();
        return new ActionContext(now, event.channelId(), event.channelKind(), facilityId,
                event.employee() == null ? null : event.employee().id(), products);
    }

    /** The action stored on the score: the first hint core gives, or none. */
    public record NextAction(String enumId, String reason) {

        public static NextAction of(ActionAdvice advice) {
            if (advice.hints().isEmpty()) {
                return new NextAction(OmniEnums.NO_NEXT_ACTION, advice.withheld().isEmpty() ? null
                        : "withheld: " + advice.withheld().get(0).reason());
            }
            ActionHint first = advice.hints().get(0);
            return new NextAction(OmniEnums.nextAction(first.kind()), first.reason());
        }
    }
}
