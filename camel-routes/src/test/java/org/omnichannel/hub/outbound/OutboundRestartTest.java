package org.omnichannel.hub.outbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.hub.support.HubUnderTest;
import org.omnichannel.hub.support.OfbizStandIn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A hub stopped and started again on the same data directory resumes the outbox after its persisted cursor. */
class OutboundRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void a_restarted_hub_resumes_from_the_persisted_cursor_without_re_reading_acknowledged_entries() throws Exception {
        try (OfbizStandIn ofbiz = OfbizStandIn.start(dir); VendorStandIn vendor = VendorStandIn.start()) {
            HubUnderTest.writeChannels(dir, OutboundPushTest.channels(dir, vendor));
            Map<String, String> properties = new HashMap<>(ofbiz.hubProperties(dir));
            properties.putAll(OutboundPushTest.fastOutbound());

            String third;
            HubUnderTest first = HubUnderTest.start(dir, properties);
            try {
                ofbiz.addStockLevel("shop-eu", "GL-R-1", "900001", null, 1);
                ofbiz.addStockLevel("shop-eu", "GL-R-2", "900002", null, 2);
                third = ofbiz.addStockLevel("shop-eu", "GL-R-3", "900003", null, 3);
                assertThat(vendor.await(r -> r.body().contains("\"inventory_item_id\":90000"), 3, WAIT)).hasSize(3);
                assertThat(ofbiz.awaitAcknowledged(third, WAIT)).isTrue();
            } finally {
                first.close();
            }
            int readsBefore = ofbiz.outboxReads().size();
            ofbiz.addStockLevel("shop-eu", "GL-R-4", "900004", null, 4);
            String fifth = ofbiz.addStockLevel("shop-eu", "GL-R-5", "900005", null, 5);

            HubUnderTest second = HubUnderTest.start(dir, properties);
            try {
                assertThat(vendor.await(r -> r.body().contains("\"inventory_item_id\":90000"), 5, WAIT)).hasSize(5);
                assertThat(ofbiz.awaitAcknowledged(fifth, WAIT)).isTrue();
            } finally {
                second.close();
            }

            List<String> reads = ofbiz.outboxReads();
            assertThat(reads.get(readsBefore)).as("the restarted hub's first read starts after the persisted cursor")
                    .isEqualTo(third);
            assertThat(reads.subList(readsBefore, reads.size())).allSatisfy(after -> assertThat(after).isGreaterThanOrEqualTo(third));
            IntStream.rangeClosed(1, 5).forEach(i -> assertThat(vendor.received("shopify"))
                    .as("item 90000" + i + " pushed once").filteredOn(r -> r.body().contains("\"inventory_item_id\":90000" + i))
                    .hasSize(1));
        }
    }
}
