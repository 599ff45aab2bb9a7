package org.omnichannel.core.fan.insight;

import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.PaymentMethod;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.omnichannel.core.fan.insight.Events.*;

/**
 * A generated year of offline sales whose truth is known: each month the share of till sales paid
 * with an identifying method (Alipay, WeChat Pay, a card, a loyalty scan) rises linearly, the rest are
 * cash and stay anonymous. The till sends the sale without a fan; the payment capture (sometimes
 * before the sale, sometimes twice) names the payer. Online orders are mixed in and must not count.
 */
final class OfflinePopulation {

    record Truth(long orders, long anonymous) {
    }

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<Channel> OFFLINE = List.of(STORE_SH, FRANCHISE_HZ);

    private final List<FanEvent> events = new ArrayList<>();
    private final Map<String, long[]> truth = new HashMap<>();
    private final Map<IdentityType, Long> linkedBySource = new EnumMap<>(IdentityType.class);

    private OfflinePopulation() {
    }

    /**
     * @param firstShare the share of identified payments in the first month
     * @param lastShare  the share in the last month
     */
    static OfflinePopulation generate(int year, int months, int ordersPerMonth, double firstShare, double lastShare,
                                      long seed) {
        OfflinePopulation p = new OfflinePopulation();
        Random random = new Random(seed);
        int fans = ordersPerMonth * 2;
        for (int m = 0; m < months; m++) {
            double share = firstShare + (lastShare - firstShare) * m / (months - 1);
            LocalDate month = LocalDate.of(year, 1, 1).plusMonths(m);
            List<FanEvent> monthEvents = new ArrayList<>();
            for (int i = 0; i < ordersPerMonth; i++) {
                Channel channel = OFFLINE.get(random.nextInt(OFFLINE.size()));
                ZonedDateTime at = month.atStartOfDay(SHANGHAI).plusDays(random.nextInt(month.lengthOfMonth()))
                        .plusHours(10).plusMinutes(random.nextInt(600));
                String orderId = "POS-" + m + "-" + i;
                long amount = 5000 + random.nextInt(200000);
                monthEvents.add(FanEvent.anonymous(order(channel, orderId, at.toInstant(), amount, ROUND).build()));
                boolean identified = random.nextDouble() < share;
                p.count(channel.id(), month, identified);
                if (identified) {
                    String fanId = "fan-" + random.nextInt(fans);
                    IdentityType source = switch (random.nextInt(4)) {
                        case 0 -> IdentityType.ALIPAY_USER_ID;
                        case 1 -> IdentityType.WECHAT_OPENID;
                        case 2 -> IdentityType.CARD_FINGERPRINT;
                        default -> IdentityType.LOYALTY_CARD;
                    };
                    PaymentMethod method = switch (source) {
                        case ALIPAY_USER_ID -> PaymentMethod.ALIPAY;
                        case WECHAT_OPENID -> PaymentMethod.WECHAT_PAY;
                        case CARD_FINGERPRINT -> PaymentMethod.CARD;
                        default -> PaymentMethod.CASH;
                    };
                    ChannelEvent pay = payment(channel, orderId, at.toInstant().plusSeconds(30), amount, method)
                            .identity(new Identity(source, fanId + "-" + source, null, true)).build();
                    monthEvents.add(new FanEvent(fanId, pay));
                    if (random.nextInt(20) == 0) {
                        monthEvents.add(new FanEvent(fanId, pay)); // redelivered
                    }
                    p.linkedBySource.merge(source, 1L, Long::sum);
                } else {
                    monthEvents.add(FanEvent.anonymous(payment(channel, orderId, at.toInstant().plusSeconds(30), amount,
                            PaymentMethod.CASH).build()));
                }
                if (random.nextInt(3) == 0) {
                    monthEvents.add(new FanEvent("fan-" + random.nextInt(fans),
                            order(WEB, "W-" + m + "-" + i, at.toInstant(), amount, ROUND).build()));
                }
            }
            Collections.shuffle(monthEvents, random);
            p.events.addAll(monthEvents);
        }
        return p;
    }

    private void count(String channelId, LocalDate month, boolean identified) {
        for (String key : new String[]{channelId + "|" + month, "*|" + month}) {
            long[] c = truth.computeIfAbsent(key, k -> new long[2]);
            c[0]++;
            if (!identified) {
                c[1]++;
            }
        }
    }

    List<FanEvent> events() {
        return events;
    }

    /** The truth of one month, for one channel or (null) all offline channels. */
    Truth truth(String channelId, LocalDate month) {
        long[] c = truth.getOrDefault((channelId == null ? "*" : channelId) + "|" + month, new long[2]);
        return new Truth(c[0], c[1]);
    }

    Map<IdentityType, Long> linkedBySource() {
        return linkedBySource;
    }
}
