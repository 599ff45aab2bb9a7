package org.omnichannel.hub.fetch;

import org.junit.jupiter.api.Test;
import org.omnichannel.connector.spi.FetchRef;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FetchTaskTest {

    private static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void reads_back_what_it_queued() {
        FetchTask task = new FetchTask("amazon-us", new FetchRef("order", "902-1845936-5435065",
                Map.of("marketplaceId", "ATVPDKIKX0DER"), "d0e9e693"), AT);

        assertThat(FetchTask.read(task.toJson())).isEqualTo(task);
        assertThat(new String(task.toJson(), StandardCharsets.UTF_8)).isEqualTo("{\"channel\":\"amazon-us\",\"objectType\":\"order\","
                + "\"objectId\":\"902-1845936-5435065\",\"attributes\":{\"marketplaceId\":\"ATVPDKIKX0DER\"},"
                + "\"notificationId\":\"d0e9e693\",\"receivedAt\":\"2026-11-23T12:00:00Z\"}");
        assertThat(task.key()).isEqualTo("amazon-us:order:902-1845936-5435065");
    }

    @Test
    void deduplicates_per_object_of_a_notification_and_never_a_poll() {
        FetchTask first = new FetchTask("crm", new FetchRef("object", "a", Map.of(), "n-1"), AT);
        FetchTask second = new FetchTask("crm", new FetchRef("object", "b", Map.of(), "n-1"), AT);
        FetchTask polled = new FetchTask("crm", new FetchRef("object", "a", Map.of(), null), AT);

        assertThat(first.notificationKey()).isNotEqualTo(second.notificationKey());
        assertThat(polled.notificationKey()).isNull();
    }

    @Test
    void names_what_is_wrong_with_a_task_it_cannot_read() {
        assertThatThrownBy(() -> FetchTask.read("[1]".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("a fetch task is not a JSON object");
        assertThatThrownBy(() -> FetchTask.read("{\"channel\":\"c\",\"objectType\":\"order\",\"objectId\":\"1\"}"
                .getBytes(StandardCharsets.UTF_8))).hasMessage("a fetch task has no ISO-8601 receivedAt");
        assertThatThrownBy(() -> FetchTask.read("{\"channel\":\"c\",\"objectId\":\"1\",\"receivedAt\":\"2026-11-23T12:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8))).hasMessage("a fetch reference needs an object type and an object id");
    }
}
