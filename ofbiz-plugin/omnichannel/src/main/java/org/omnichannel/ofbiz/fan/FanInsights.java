package org.omnichannel.ofbiz.fan;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.ofbiz.base.util.UtilDateTime;
import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.omnichannel.core.event.ChannelEventJson;
import org.omnichannel.core.event.InvalidEventException;
import org.omnichannel.core.fan.insight.FanAggregate;
import org.omnichannel.core.fan.insight.LifecycleRules;
import org.omnichannel.core.fan.insight.LifecycleSettings;
import org.omnichannel.core.fan.insight.LifecycleStage;
import org.omnichannel.core.fan.insight.TimelineEntry;
import org.omnichannel.core.fan.insight.ValueIndex;
import org.omnichannel.core.fan.insight.ValueIndexCalculator;
import org.omnichannel.core.fan.insight.ValueIndexSettings;

/**
 * Recomputes a fan's OmniFanScore with core's insight engine (org.omnichannel.core.fan.insight):
 * the fan's events, kept in OmniEventReceipt, become the engine's timeline; the engine's
 * aggregate, value index and lifecycle rules give the figures and the stage. Nothing of the
 * formula lives here.
 */
public final class FanInsights {

    private final Delegator delegator;
    private final ValueIndexSettings settings;
    private final ValueIndexCalculator calculator;
    private final LifecycleRules lifecycle;

    public FanInsights(Delegator delegator) {
        this.delegator = delegator;
        this.settings = ValueIndexSettings.defaults();
        this.calculator = new ValueIndexCalculator(settings);
        this.lifecycle = new LifecycleRules(LifecycleSettings.defaults());
    }

    /** The OMNI_LIFECYCLE enumeration of a stage (data/OmnichannelTypeData.xml). */
    public static String lifecycleEnumId(LifecycleStage stage) {
        return "OMNI_LC_" + stage.name();
    }

    public void refresh(String partyId) throws GenericEntityException {
        if (partyId == null) {
            return;
        }
        List<TimelineEntry> entries = new ArrayList<>();
        for (GenericValue receipt : EntityQuery.use(delegator).from("OmniEventReceipt").where("partyId", partyId)
                .orderBy("occurredDate").queryList()) {
            String json = receipt.getString("eventJson");
            if (json == null) {
                continue;
            }
            try {
                TimelineEntry.of(ChannelEventJson.read(json)).ifPresent(entries::add);
            } catch (InvalidEventException | IllegalArgumentException e) {
                // A receipt written by an older schema: it no longer counts towards the index.
            }
        }
        Instant now = UtilDateTime.nowTimestamp().toInstant();
        FanAggregate aggregate = FanAggregate.of(entries, settings);
        ValueIndex index = calculator.index(aggregate, now);
        LifecycleStage stage = lifecycle.stage(aggregate, index, now);

        GenericValue score = EntityQuery.use(delegator).from("OmniFanScore").where("partyId", partyId).queryOne();
        boolean created = score == null;
        if (created) {
            score = delegator.makeValue("OmniFanScore");
            score.set("partyId", partyId);
        }
        score.set("valueIndex", BigDecimal.valueOf(index.value()).setScale(1, java.math.RoundingMode.HALF_UP));
        score.set("lifecycleEnumId", lifecycleEnumId(stage));
        score.set("orderCount", (long) aggregate.orders());
        score.set("interactionCount", (long) aggregate.interactions());
        score.set("channelCount", (long) aggregate.channelCount());
        Map<String, Long> spend = aggregate.netSpendMinor();
        if (!spend.isEmpty()) {
            Map.Entry<String, Long> main = spend.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            score.set("currencyUomId", main.getKey());
            score.set("totalSpent", new org.omnichannel.core.event.Money(main.getValue(), main.getKey()).toDecimal());
        }
        if (aggregate.lastActivity() != null) {
            score.set("lastEventDate", Timestamp.from(aggregate.lastActivity()));
        }
        score.set("computedDate", UtilDateTime.nowTimestamp());
        if (created) {
            delegator.create(score);
        } else {
            score.store();
        }
    }
}
