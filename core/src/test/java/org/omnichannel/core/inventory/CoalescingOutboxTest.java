package org.omnichannel.core.inventory;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CoalescingOutboxTest {

    private final CoalescingOutbox outbox = new CoalescingOutbox();

    private static StockLevelUpdate level(String channel, long units, long sequence) {
        return new StockLevelUpdate(channel, "SKU-1", "P1", null, BigDecimal.valueOf(units), sequence);
    }

    @Test
    void the_latest_value_wins_and_a_value_back_where_it_was_pushes_nothing() {
        outbox.offer(List.of(level("web", 7, 1)));
        assertThat(outbox.drain()).extracting(StockLevelUpdate::availableToSell).containsExactly(BigDecimal.valueOf(7));

        outbox.offer(List.of(level("web", 6, 2)));
        outbox.offer(List.of(level("web", 7, 3)));
        assertThat(outbox.drain()).isEmpty();

        outbox.offer(List.of(level("web", 3, 4), level("web", 2, 5)));
        assertThat(outbox.drain()).extracting(StockLevelUpdate::availableToSell).containsExactly(BigDecimal.valueOf(2));
    }

    @Test
    void a_decision_offered_late_does_not_override_a_newer_one() {
        outbox.offer(List.of(level("web", 5, 10)));
        outbox.offer(List.of(level("web", 6, 9)));
        assertThat(outbox.drain()).extracting(StockLevelUpdate::availableToSell).containsExactly(BigDecimal.valueOf(5));

        outbox.offer(List.of(level("web", 9, 8)));
        assertThat(outbox.drain()).isEmpty();
    }

    @Test
    void decreases_are_handed_out_before_increases() {
        outbox.offer(List.of(level("amazon", 1, 1), level("web", 5, 1)));
        outbox.drain();

        outbox.offer(List.of(level("amazon", 3, 2), level("web", 3, 2)));

        assertThat(outbox.drain()).extracting(StockLevelUpdate::channelId, StockLevelUpdate::availableToSell)
                .containsExactly(tuple("web", BigDecimal.valueOf(3)), tuple("amazon", BigDecimal.valueOf(3)));
    }
}
