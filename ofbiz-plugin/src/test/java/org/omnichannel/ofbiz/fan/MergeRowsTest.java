package org.omnichannel.ofbiz.fan;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.fan.FanId;
import org.omnichannel.core.fan.FanResolver;
import org.omnichannel.core.fan.MergeRecord;
import org.omnichannel.core.fan.UnmergeRecord;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Core's merge audit in an OmniFanMerge row: what moved, why, by whom, and its unmerge. */
class MergeRowsTest {

    private static final Instant AT = Instant.parse("2026-11-20T02:15:02Z");

    @Test
    void an_engine_merge_survives_its_row_round_trip_with_the_whole_evidence() {
        String evidence = "record e9 shares WECHAT_UNIONID:wx-open:u-1 (trust 100) with 10010; and " + "x".repeat(400);
        MergeRecord merge = new MergeRecord("0b3a1f1e-7c55-4f0b-9a47-2d8e1c9b6a10", FanId.of("10010"), FanId.of("10020"),
                List.of("e1", "e2"), "e9", evidence, FanResolver.ENGINE, AT);
        Map<String, Object> row = new HashMap<>(MergeRows.fields(merge));
        assertThat(row.get("mergedByUserLogin")).as("the engine is no UserLogin").isNull();
        assertThat((String) row.get("mergeReason")).hasSize(255).endsWith("\u2026");
        assertThat(MergeRows.merge(row::get)).isEqualTo(merge);
        assertThat(MergeRows.unmerge(row::get)).as("not undone").isNull();
    }

    @Test
    void an_unmerge_is_recorded_on_its_merge_row_and_read_back() {
        MergeRecord merge = new MergeRecord("m-1", FanId.of("10010"), FanId.of("10020"), List.of("e1", "e2"), null,
                "same person, says the service desk", "admin", AT);
        Map<String, Object> row = new HashMap<>(MergeRows.fields(merge));
        assertThat(row).containsEntry("mergedByUserLogin", "admin");
        UnmergeRecord unmerge = new UnmergeRecord("u-1", "m-1", FanId.of("10020"), FanId.of("10030"), List.of("e1"), "admin",
                "two people after all", AT.plusSeconds(60));
        row.putAll(MergeRows.unmergeFields(unmerge, (String) row.get("movedJson")));
        assertThat(MergeRows.unmerge(row::get)).isEqualTo(unmerge);
        assertThat(MergeRows.merge(row::get)).as("the merge itself is unchanged").isEqualTo(merge);
    }
}
