package org.omnichannel.core.fan.normalize;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NormalizersTest {

    private static final PersonName WANG_XIAOMING = new PersonName("xiaoming", "wang", null);

    @Test
    void chinese_numbers_with_plus_86_0086_full_width_digits_or_none_are_one_e164_number() {
        assertThat(Phones.toE164("+86 138-0013-8000", "CN")).isEqualTo("+8613800138000");
        assertThat(Phones.toE164("0086 138 0013 8000", "CN")).isEqualTo("+8613800138000");
        assertThat(Phones.toE164("１３８００１３８０００", "CN")).isEqualTo("+8613800138000");
        assertThat(Phones.toE164("13800138000", "CN")).isEqualTo("+8613800138000");
        assertThat(Phones.toE164("(0)138 0013 8000", "CN")).isEqualTo("+8613800138000");
    }

    @Test
    void a_number_without_country_code_is_read_in_the_channels_region_and_refused_without_one() {
        assertThat(Phones.toE164("030 1234567", "DE")).isEqualTo("+49301234567");
        assertThat(Phones.toE164("13800138000", null)).isNull();
        assertThat(Phones.toE164("not a phone", "CN")).isNull();
    }

    @Test
    void without_a_channel_region_a_phone_is_read_in_the_records_country() {
        org.omnichannel.core.fan.FanRecord record = org.omnichannel.core.fan.FanRecord.builder("r1")
                .identity(org.omnichannel.core.fan.KeyType.PHONE, "138 0013 8000")
                .attribute(org.omnichannel.core.fan.PersonField.COUNTRY, "cn").build();
        assertThat(RecordNormalizer.normalize(record).phone()).isEqualTo("+8613800138000");
    }

    @Test
    void emails_fold_case_whitespace_and_full_width_characters() {
        assertThat(Emails.normalize("  Wang.Xiaoming@Example.COM ")).isEqualTo("wang.xiaoming@example.com");
        assertThat(Emails.normalize("ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ")).isEqualTo("wang@example.com");
        assertThat(Emails.normalize("mailto:<a@b.org>")).isEqualTo("a@b.org");
    }

    @Test
    void gmail_dots_and_plus_tags_are_dropped_because_google_documents_them_but_other_domains_keep_dots() {
        assertThat(Emails.normalize("Xiao.Ming+shop@googlemail.com")).isEqualTo("xiaoming@gmail.com");
        assertThat(Emails.normalize("xiao.ming@example.com")).isEqualTo("xiao.ming@example.com");
        assertThat(Emails.normalize("xiao+ming@example.com")).isEqualTo("xiao+ming@example.com");
    }

    @Test
    void values_that_are_not_addresses_are_refused() {
        assertThat(Emails.normalize("wang")).isNull();
        assertThat(Emails.normalize("wang@localhost")).isNull();
        assertThat(Emails.normalize("@example.com")).isNull();
    }

    @Test
    void chinese_names_in_characters_pinyin_either_order_or_with_spaces_are_one_name() {
        assertThat(Names.normalize("王小明", null, null)).isEqualTo(WANG_XIAOMING);
        assertThat(Names.normalize("王 小明", null, null)).isEqualTo(WANG_XIAOMING);
        assertThat(Names.normalize("Wang Xiaoming", null, null)).isEqualTo(WANG_XIAOMING);
        assertThat(Names.normalize("Xiaoming Wang", null, null)).isEqualTo(WANG_XIAOMING);
        assertThat(Names.normalize("WANG Xiao Ming", null, null)).isEqualTo(WANG_XIAOMING);
        assertThat(Names.normalize(null, "小明", "王")).isEqualTo(WANG_XIAOMING);
    }

    @Test
    void an_honorific_leaves_the_surname_and_tells_the_gender() {
        assertThat(Names.normalize("王先生", null, null)).isEqualTo(new PersonName(null, "wang", "M"));
        assertThat(Names.normalize("Mr Wang", null, null)).isEqualTo(new PersonName(null, "wang", "M"));
        assertThat(Names.normalize("Mrs. Smith", null, null)).isEqualTo(new PersonName(null, "smith", "F"));
        assertThat(Names.normalize("李女士", null, null)).isEqualTo(new PersonName(null, "li", "F"));
    }

    @Test
    void a_familiar_form_is_a_given_name_only() {
        assertThat(Names.normalize("小明", null, null)).isEqualTo(new PersonName("xiaoming", null, null));
    }

    @Test
    void compound_surnames_and_surname_readings_of_characters_are_kept() {
        assertThat(Names.normalize("欧阳娜娜", null, null)).isEqualTo(new PersonName("nana", "ouyang", null));
        assertThat(Names.normalize("单雄信", null, null)).isEqualTo(new PersonName("xiongxin", "shan", null));
    }

    @Test
    void western_names_lose_accents_case_and_middle_spaces() {
        assertThat(Names.normalize("José  Müller", null, null)).isEqualTo(new PersonName("jose", "muller", null));
        assertThat(Names.normalize(null, "soph ie", "O'Brien")).isEqualTo(new PersonName("sophie", "obrien", null));
        assertThat(Names.normalize("Mary Ann Smith", null, null)).isEqualTo(new PersonName("maryann", "smith", null));
    }

    @Test
    void birth_dates_in_common_forms_become_yyyymmdd() {
        assertThat(Dates.normalize("1990-04-01")).isEqualTo("19900401");
        assertThat(Dates.normalize("19900401")).isEqualTo("19900401");
        assertThat(Dates.normalize("01/04/1990")).isEqualTo("19900401");
        assertThat(Dates.normalize("1990年4月1日")).isEqualTo("19900401");
        assertThat(Dates.normalize("１９９０－０４－０１")).isEqualTo("19900401");
        assertThat(Dates.normalize("April")).isNull();
    }

    @Test
    void a_birth_date_typo_is_kept_as_evidence() {
        assertThat(Dates.normalize("19741315")).isEqualTo("19741315");
        assertThat(Dates.toDate("19741315")).isNull();
    }

    @Test
    void addresses_fold_case_punctuation_and_spaces_and_postcodes_their_spacing() {
        assertThat(Addresses.place("Ebden St.")).isEqualTo(Addresses.place("ebden  st"));
        assertThat(Addresses.postcode("sw1a 1aa")).isEqualTo("SW1A1AA");
        assertThat(Addresses.place("南京东路")).isEqualTo("nanjingdonglu");
    }
}
