package org.omnichannel.connector.square;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.OutboundMessage;
import org.omnichannel.connector.spi.OutboundRequest;
import org.omnichannel.connector.spi.Secrets;
import org.omnichannel.core.event.ChannelKind;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SquareOutboundTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SquareConnector connector = new SquareConnector(Clock.fixed(Instant.parse("2026-11-20T02:15:03Z"), ZoneOffset.UTC));
    private final ChannelContext channel = new ChannelContext("store-sf", ChannelKind.OFFLINE_DIRECT, "square",
            Map.of("defaultLocationId", "YYQR03DGCTXA4"), Secrets.of("store-sf", Map.of("accessToken", "EAAA-test-not-real")));

    @Test
    void pushes_a_stock_level_as_one_idempotent_physical_count() throws IOException {
        OutboundMessage stock = new OutboundMessage.StockLevel("OMNI-OB-1042", "store-sf", "GL-AVIATOR-BLK",
                "FGQ5JJWT2PYTHF35CKZ2DSKP", null, new BigDecimal("7"));

        OutboundRequest request = connector.outbound(stock, channel).get(0);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).hasToString("https://connect.squareup.com/v2/inventory/changes/batch-create");
        assertThat(request.headers()).containsEntry("Authorization", "Bearer EAAA-test-not-real")
                .containsEntry("Square-Version", "2025-08-20");
        assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("{\"idempotency_key\":\"OMNI-OB-1042\","
                + "\"changes\":[{\"type\":\"PHYSICAL_COUNT\",\"physical_count\":{\"catalog_object_id\":\"FGQ5JJWT2PYTHF35CKZ2DSKP\","
                + "\"state\":\"IN_STOCK\",\"location_id\":\"YYQR03DGCTXA4\",\"quantity\":\"7\",\"occurred_at\":\"2026-11-20T02:15:03Z\"}}],"
                + "\"ignore_unchanged_counts\":true}"));
    }

    @Test
    void uses_the_sandbox_when_configured_and_sends_no_fulfilments() {
        ChannelContext sandbox = new ChannelContext("store-sf", ChannelKind.OFFLINE_DIRECT, "square",
                Map.of("apiBaseUrl", "https://connect.squareupsandbox.com"), Secrets.of("store-sf", Map.of("accessToken", "t")));
        OutboundMessage stock = new OutboundMessage.StockLevel("OMNI-OB-1", "store-sf", null, "FGQ5", "L1", BigDecimal.TEN);

        assertThat(connector.outbound(stock, sandbox).get(0).uri())
                .hasToString("https://connect.squareupsandbox.com/v2/inventory/changes/batch-create");
        assertThat(connector.outbound(new OutboundMessage.FulfilmentNotice("OMNI-OB-2", "store-sf", "o", List.of(), null, null, null),
                sandbox)).isEmpty();
    }

    @Test
    void says_what_square_needs_when_the_message_cannot_be_sent() {
        ChannelContext noLocation = new ChannelContext("store-sf", ChannelKind.OFFLINE_DIRECT, "square", Map.of(),
                Secrets.of("store-sf", Map.of("accessToken", "t")));

        assertThatThrownBy(() -> connector.outbound(new OutboundMessage.StockLevel("OMNI-OB-1", "store-sf", "SKU", null, "L1", BigDecimal.ONE), channel))
                .hasMessage("stock level OMNI-OB-1 has no productId: Square needs the catalog object id of the item variation");
        assertThatThrownBy(() -> connector.outbound(new OutboundMessage.StockLevel("OMNI-OB-2", "store-sf", null, "FGQ5", null, BigDecimal.ONE), noLocation))
                .hasMessage("stock level OMNI-OB-2 has no locationId and channel 'store-sf' has no setting defaultLocationId");
    }
}
