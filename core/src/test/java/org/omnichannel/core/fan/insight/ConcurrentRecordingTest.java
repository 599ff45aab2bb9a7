package org.omnichannel.core.fan.insight;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.InteractionKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.omnichannel.core.fan.insight.Events.*;

class ConcurrentRecordingTest {

    @Test
    void four_threads_recording_the_same_events_at_once_give_what_one_thread_gives() throws Exception {
        List<FanEvent> events = new ArrayList<>();
        for (int fan = 0; fan < 20; fan++) {
            for (int i = 0; i < 50; i++) {
                Channel channel = ALL.get((fan + i) % ALL.size());
                events.add(i % 5 == 0
                        ? of("fan-" + fan, order(channel, "O-" + fan + "-" + i, day(-i), 10_000L * (i + 1), ROUND))
                        : of("fan-" + fan, interaction(channel, InteractionKind.values()[i % 11], day(-i).minus(
                        Duration.ofMinutes(fan)), AVIATOR)));
            }
        }
        FanInsightEngine sequential = FanInsightEngine.withDefaults();
        events.forEach(sequential::record);

        FanInsightEngine shared = FanInsightEngine.withDefaults();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            List<FanEvent> mine = new ArrayList<>(events);
            java.util.Collections.shuffle(mine, new java.util.Random(t));
            done.add(pool.submit(() -> {
                start.await();
                mine.forEach(shared::record);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        for (int fan = 0; fan < 20; fan++) {
            String id = "fan-" + fan;
            assertThat(shared.timeline(id, null, null)).isEqualTo(sequential.timeline(id, null, null));
            assertThat(shared.insight(id, day(1)).orElseThrow().index().value())
                    .isCloseTo(sequential.insight(id, day(1)).orElseThrow().index().value(), within(1e-9));
        }
    }
}
