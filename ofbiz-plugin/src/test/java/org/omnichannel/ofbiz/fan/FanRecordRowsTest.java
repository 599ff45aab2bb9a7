package org.omnichannel.ofbiz.fan;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.fan.FanRecord;
import org.omnichannel.core.fan.IdentityKey;
import org.omnichannel.core.fan.KeyType;
import org.omnichannel.core.fan.MatchRecord;
import org.omnichannel.core.fan.PersonField;
import org.omnichannel.core.fan.normalize.RecordNormalizer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** OmniFanRecord rows hold exactly what core's identity engine compares, and keys fit their column. */
class FanRecordRowsTest {

    private static MatchRecord wang() {
        return RecordNormalizer.normalize(FanRecord.builder("5f0c8a6e-2b51-4c1e-9d1a-0f6a3c2b7e11").source("tmall").defaultRegion("CN")
                .identity(KeyType.PHONE, "138 0013 8000")
                .identity(KeyType.WECHAT_OPENID, "oWANG-openid-0001", "wx-mingmou", true)
                .attribute(PersonField.FULL_NAME, "王小明").attribute(PersonField.DOB, "1990年5月3日")
                .attribute(PersonField.CITY, "上海").attribute(PersonField.POSTCODE, "200 120").build());
    }

    @Test
    void a_normalised_record_survives_its_row_round_trip() {
        MatchRecord record = wang();
        Map<String, Object> row = new HashMap<>(FanRecordRows.fields(record));
        assertThat(row).containsEntry("recordId", record.recordId()).containsEntry("sourceChannelId", "tmall")
                .containsEntry("givenName", "xiaoming").containsEntry("surname", "wang").containsEntry("birthDate", "19900503")
                .containsEntry("phone", "+8613800138000");
        MatchRecord back = FanRecordRows.record(field -> (String) row.get(field));
        assertThat(back).isEqualTo(record);
        assertThat(back.keys()).contains(new IdentityKey(KeyType.WECHAT_OPENID, "wx-mingmou", "oWANG-openid-0001", true));
    }

    @Test
    void an_attribute_longer_than_its_column_is_cut_not_refused() {
        MatchRecord record = new MatchRecord("r1", null, List.of(), "x".repeat(300), null, null, null, null, null, null,
                null, null, null, null, "P".repeat(80), null, null);
        Map<String, Object> row = FanRecordRows.fields(record);
        assertThat((String) row.get("givenName")).hasSize(255);
        assertThat((String) row.get("postalCode")).hasSize(60);
    }

    @Test
    void a_key_longer_than_the_column_is_indexed_by_its_digest_and_equal_keys_stay_equal() {
        String shortKey = "EMAIL::wang@example.com";
        assertThat(FanRecordRows.indexKey(shortKey)).isEqualTo(shortKey);
        String longKey = "SOCIAL_HANDLE:douyin:" + "a".repeat(300);
        assertThat(FanRecordRows.indexKey(longKey)).startsWith("sha256:").hasSize(7 + 64)
                .isEqualTo(FanRecordRows.indexKey(new String(longKey))).isNotEqualTo(FanRecordRows.indexKey(longKey + "b"));
    }

    @Test
    void a_record_without_keys_reads_back_with_none() {
        assertThat(FanRecordRows.keys(null)).isEmpty();
        assertThat(FanRecordRows.keys(FanRecordRows.keysJson(List.of()))).isEmpty();
    }
}
