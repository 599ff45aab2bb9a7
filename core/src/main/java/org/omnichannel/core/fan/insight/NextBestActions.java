package org.omnichannel.core.fan.insight;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Next-best-action: rules over a fan's state that tell a clerk or the service desk what to do, each
 * with a reason they can read, filtered by the fan's consents ({@link ConsentPolicy}).
 * <ul>
 *   <li>complained on social, not yet called back, and has an open order → service callback, and
 *       offer a return in a store;</li>
 *   <li>is in a store and browsed products online lately → show the clerk those products;</li>
 *   <li>a product the fan wants is out of stock in this store and in stock online or in another store →
 *       suggest that channel, as a referral the clerk records;</li>
 *   <li>was an iron fan and is now at risk → retention offer (marketing: needs a granted consent).</li>
 * </ul>
 */
public final class NextBestActions {

    private static final Set<Activity> BROWSING = Set.of(Activity.PRODUCT_VIEW, Activity.CART_ADD, Activity.TRY_ON);

    private final StockLookup stock;
    private final ConsentPolicy policy;
    private final ActionSettings settings;

    public NextBestActions(StockLookup stock, ConsentPolicy policy, ActionSettings settings) {
        if (stock == null || policy == null || settings == null) {
            throw new IllegalArgumentException("next-best-action needs a StockLookup, a ConsentPolicy and ActionSettings");
        }
        this.stock = stock;
        this.policy = policy;
        this.settings = settings;
    }

    public ActionAdvice advise(FanView fan, ActionContext context) {
        if (fan == null || context == null) {
            throw new IllegalArgumentException("a FanView and an ActionContext are required");
        }
        Instant now = context.asOf();
        List<TimelineEntry> past = fan.timeline().stream().filter(e -> !e.occurredAt().isAfter(now))
                .sorted(FanTimeline.ORDER).toList();
        List<ActionHint> found = new ArrayList<>();
        complaintWithOpenOrder(past, context, found);
        List<String> browsed = browsedOnline(past, context, found);
        outOfStockHere(context.productIds().isEmpty() ? browsed : context.productIds(), context, found);
        ironFanAtRisk(fan.insight(), now, found);

        List<ActionHint> allowed = new ArrayList<>();
        List<WithheldHint> withheld = new ArrayList<>();
        for (ActionHint hint : found) {
            Set<String> purposes = policy.purposes().get(hint.kind());
            Optional<Consent> grant = newest(fan.consents(), purposes, true);
            Optional<Consent> refusal = newest(fan.consents(), purposes, false);
            if (policy.optIn().contains(hint.kind())) {
                if (grant.isPresent()) {
                    allowed.add(withVia(hint, grant.get()));
                } else {
                    withheld.add(new WithheldHint(hint.kind(), "the fan has granted none of " + new TreeSet<>(purposes)
                            + " on any channel; would have been: " + hint.reason()));
                }
            } else if (refusal.isPresent() && (grant.isEmpty() || refusal.get().at().isAfter(grant.get().at()))) {
                Consent r = refusal.get();
                withheld.add(new WithheldHint(hint.kind(), "the fan refused '" + r.purpose() + "' on " + r.channelId()
                        + " on " + r.at().toString().substring(0, 10) + "; would have been: " + hint.reason()));
            } else {
                allowed.add(grant.map(g -> withVia(hint, g)).orElse(hint));
            }
        }
        return new ActionAdvice(fan.insight().fanId(), allowed, withheld);
    }

    private void complaintWithOpenOrder(List<TimelineEntry> past, ActionContext context, List<ActionHint> out) {
        Instant now = context.asOf();
        TimelineEntry complaint = null;
        for (TimelineEntry e : past) {
            if (e.activity() == Activity.COMPLAINT && e.channelKind() == org.omnichannel.core.event.ChannelKind.SOCIAL
                    && within(e, now, settings.complaintWindow())) {
                complaint = e;
            }
        }
        if (complaint == null) {
            return;
        }
        for (TimelineEntry e : past) {
            if (e.activity() == Activity.SERVICE_CALL && e.occurredAt().isAfter(complaint.occurredAt())) {
                return; // already called back
            }
        }
        Map<String, TimelineEntry> open = openOrders(past, now);
        TimelineEntry order = complaint.orderId() != null && open.containsKey(complaint.orderId())
                ? open.get(complaint.orderId())
                : open.values().stream().max(FanTimeline.ORDER).orElse(null);
        if (order == null) {
            return;
        }
        String said = complaint.text() == null ? "" : ": \u201c" + abbreviate(complaint.text()) + "\u201d";
        String reason = "complained on " + complaint.channelId() + " " + ago(complaint.occurredAt(), now) + said
                + "; order " + order.orderId() + " (" + order.channelId()
                + (order.amount() == null ? "" : ", " + order.amount()) + ", placed " + ago(order.occurredAt(), now)
                + ") is still open";
        out.add(new ActionHint(ActionKind.SERVICE_CALLBACK, "call the fan back: " + reason, order.productIds(),
                order.orderId(), null, null));
        String where = context.inStore() ? "here at " + context.facilityId() : "in any store";
        out.add(new ActionHint(ActionKind.OFFER_STORE_RETURN, "offer to take order " + order.orderId() + " back "
                + where + ": " + reason, order.productIds(), order.orderId(), null, null));
    }

    /** Orders placed within the window, not cancelled, refunded or closed, by order id. */
    private Map<String, TimelineEntry> openOrders(List<TimelineEntry> past, Instant now) {
        Map<String, TimelineEntry> placed = new LinkedHashMap<>();
        Map<String, String> status = new HashMap<>();
        Set<String> done = new HashSet<>();
        for (TimelineEntry e : past) {
            if (e.orderId() == null) {
                continue;
            }
            switch (e.activity()) {
                case ORDER_PLACED -> {
                    if (within(e, now, settings.openOrderWindow())) {
                        placed.putIfAbsent(e.orderId(), e);
                    }
                    status.put(e.orderId(), e.detail());
                }
                case ORDER_UPDATED -> status.put(e.orderId(), e.detail());
                case ORDER_CANCELLED, REFUND -> done.add(e.orderId());
                default -> {
                }
            }
        }
        placed.keySet().removeIf(id -> done.contains(id) || settings.isClosed(status.get(id)));
        return placed;
    }

    private List<String> browsedOnline(List<TimelineEntry> past, ActionContext context, List<ActionHint> out) {
        if (!context.inStore()) {
            return List.of();
        }
        Instant now = context.asOf();
        Map<String, TimelineEntry> latestView = new LinkedHashMap<>();
        Map<String, Instant> lastBought = new HashMap<>();
        for (TimelineEntry e : past) {
            if (e.activity() == Activity.ORDER_PLACED) {
                e.productIds().forEach(p -> lastBought.put(p, e.occurredAt()));
            } else if (BROWSING.contains(e.activity()) && !e.channelKind().isOffline()
                    && within(e, now, settings.browseWindow())) {
                e.productIds().forEach(p -> latestView.put(p, e));
            }
        }
        List<Map.Entry<String, TimelineEntry>> views = new ArrayList<>(latestView.entrySet());
        views.removeIf(v -> lastBought.containsKey(v.getKey())
                && !lastBought.get(v.getKey()).isBefore(v.getValue().occurredAt()));
        views.sort(Map.Entry.<String, TimelineEntry>comparingByValue(FanTimeline.ORDER).reversed());
        List<String> products = new ArrayList<>();
        List<String> said = new ArrayList<>();
        for (Map.Entry<String, TimelineEntry> v : views.subList(0, Math.min(views.size(), settings.maxProducts()))) {
            TimelineEntry e = v.getValue();
            products.add(v.getKey());
            String how = e.activity() == Activity.CART_ADD ? ", put in the cart"
                    : e.activity() == Activity.TRY_ON ? ", tried on virtually"
                    : e.durationSeconds() != null ? ", " + Math.max(1, e.durationSeconds() / 60) + " min" : "";
            said.add(v.getKey() + " on " + e.channelId() + " " + ago(e.occurredAt(), now) + how);
        }
        if (!products.isEmpty()) {
            out.add(new ActionHint(ActionKind.SHOW_BROWSED_PRODUCTS, "the fan browsed online: " + String.join("; ", said),
                    products, null, null, null));
        }
        return products;
    }

    private void outOfStockHere(List<String> products, ActionContext context, List<ActionHint> out) {
        if (!context.inStore()) {
            return;
        }
        for (String product : products.subList(0, Math.min(products.size(), settings.maxProducts()))) {
            BigDecimal here = stock.availableAt(product, context.facilityId());
            if (here != null && here.signum() > 0) {
                continue;
            }
            List<StockSource> elsewhere = stock.alternatives(product, context.facilityId());
            if (elsewhere == null || elsewhere.isEmpty()) {
                continue;
            }
            StockSource best = elsewhere.get(0);
            ReferralSuggestion referral = new ReferralSuggestion(context.channelId(), context.facilityId(),
                    context.employeeId(), best.channelId(), best.facilityId(), List.of(product));
            out.add(new ActionHint(ActionKind.SUGGEST_OTHER_CHANNEL, product + " is out of stock at "
                    + context.facilityId() + "; " + best.available().stripTrailingZeros().toPlainString()
                    + " available at " + best.describe() + ": send the fan there and record the referral, "
                    + "so the sale there credits you", List.of(product), null, null, referral));
        }
    }

    private static void ironFanAtRisk(FanInsight insight, Instant now, List<ActionHint> out) {
        if (insight.stage() != LifecycleStage.AT_RISK || !insight.everIronFan()) {
            return;
        }
        out.add(new ActionHint(ActionKind.RETENTION_OFFER, "an iron fan (" + insight.channelKinds().size()
                + " kinds of channel, " + insight.orders() + " orders) has gone quiet: last activity "
                + ago(insight.lastActivity(), now) + ", value index down to " + insight.index().rounded(),
                List.of(), null, null, null));
    }

    private static Optional<Consent> newest(List<Consent> consents, Set<String> purposes, boolean granted) {
        return consents.stream().filter(c -> c.granted() == granted && purposes.contains(c.purpose()))
                .max(Comparator.comparing(Consent::at));
    }

    private static ActionHint withVia(ActionHint h, Consent via) {
        return new ActionHint(h.kind(), h.reason(), h.productIds(), h.orderId(), via, h.referral());
    }

    private static boolean within(TimelineEntry e, Instant now, Duration window) {
        return !e.occurredAt().isBefore(now.minus(window));
    }

    private static String ago(Instant then, Instant now) {
        long days = Duration.between(then, now).toDays();
        return days == 0 ? "today" : days == 1 ? "1 day ago" : days + " days ago";
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "\u2026";
    }
}
