package org.omnichannel.core.inventory;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.ChannelKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.omnichannel.core.inventory.Network.*;

class AllocationRulesTest {

    @Test
    void an_online_channel_selecting_stores_by_kind_skips_offline_only_and_unshared_franchise_stock() {
        AllocationRules rules = allocationRules();
        int[] web = rules.requireChannel(WEB);
        assertThat(web).hasSize(1);
        Listing listing = rules.listings().get(web[0]);
        assertThat(ids(rules, listing)).containsExactly(WH, STORE_PS, STORE_LJZ);
        assertThat(rules.feeds(WEB, rules.requireFacility(FRANCHISE))).isFalse();
        assertThat(rules.feeds(POS_FRANCHISE, rules.requireFacility(FRANCHISE))).isTrue();
    }

    @Test
    void naming_a_franchise_store_that_does_not_share_is_refused_with_both_names() {
        List<ChannelRule> rules = new ArrayList<>(rules());
        rules.add(ChannelRule.of("douyin", ChannelKind.SOCIAL, FRANCHISE));
        assertThatThrownBy(() -> AllocationRules.of(facilities(), rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("channel rule 'douyin' names facility 'FRANCHISE-JINGAN', whose stock is OWNER_CHANNEL_ONLY"
                        + " ('pos-franchise-jingan'): the SOCIAL channel may not sell it");
    }

    @Test
    void store_stock_not_offered_online_is_refused_to_a_marketplace() {
        List<ChannelRule> rules = List.of(ChannelRule.of(TMALL, ChannelKind.MARKETPLACE, STORE_XJH));
        assertThatThrownBy(() -> AllocationRules.of(facilities(), rules))
                .hasMessageContaining("whose stock is OFFLINE_CHANNELS_ONLY: the MARKETPLACE channel may not sell it");
    }

    @Test
    void an_exclusive_pool_is_skipped_by_kind_selection_and_refused_when_named() {
        List<ChannelRule> rules = List.of(
                ChannelRule.of(TMALL, ChannelKind.MARKETPLACE, WH).asExclusive(),
                ChannelRule.ofKinds(WEB, ChannelKind.OWN_ECOMMERCE, FacilityKind.WAREHOUSE, FacilityKind.OWN_STORE));
        AllocationRules built = AllocationRules.of(facilities(), rules);
        assertThat(built.feeds(WEB, built.requireFacility(WH))).isFalse();

        List<ChannelRule> clash = List.of(
                ChannelRule.of(TMALL, ChannelKind.MARKETPLACE, WH).asExclusive(),
                ChannelRule.of(WEB, ChannelKind.OWN_ECOMMERCE, WH));
        assertThatThrownBy(() -> AllocationRules.of(facilities(), clash))
                .hasMessage("channel rule 'web-cn' names facility 'WH-SONGJIANG', which feeds 'tmall' exclusively");
    }

    @Test
    void unknown_facilities_duplicate_channels_and_bad_numbers_are_named() {
        assertThatThrownBy(() -> AllocationRules.of(facilities(), List.of(ChannelRule.of(WEB, ChannelKind.OWN_ECOMMERCE, "NOWHERE"))))
                .hasMessage("channel rule 'web-cn' names facility 'NOWHERE', which is not among the facilities");
        assertThatThrownBy(() -> AllocationRules.of(facilities(), List.of(
                ChannelRule.of(WEB, ChannelKind.OWN_ECOMMERCE, WH), ChannelRule.of(WEB, ChannelKind.OWN_ECOMMERCE, STORE_PS))))
                .hasMessage("channel 'web-cn' has two rules: merge them into one");
        assertThatThrownBy(() -> ChannelRule.of(WEB, ChannelKind.OWN_ECOMMERCE, WH).withSafetyStock(0, 120))
                .hasMessage("safety stock percent must be between 0 and 100, was 120");
        assertThatThrownBy(() -> ChannelRule.of(WEB, ChannelKind.OWN_ECOMMERCE, WH).withWeight(0))
                .hasMessage("channel rule 'web-cn' weight must be between 1 and 1000, was 0");
        assertThatThrownBy(() -> new Facility("X", FacilityKind.OWN_STORE, PEOPLES_SQUARE, StockSharing.OWNER_CHANNEL_ONLY, null, 0, 0))
                .hasMessage("facility 'X' shares stock with its owner channel only: name ownerChannelId");
        assertThatThrownBy(() -> Network.ledger().atFacility("P", "NOWHERE"))
                .hasMessage("facility 'NOWHERE' is not configured for inventory: add it to the facilities");
        assertThatThrownBy(() -> Network.ledger().availableToSell("P", "nosuch"))
                .hasMessage("channel 'nosuch' has no allocation rule: add one");
    }

    @Test
    void a_channel_with_vendor_locations_gets_one_listing_per_location() {
        List<ChannelRule> rules = List.of(ChannelRule.of("shopify", ChannelKind.OWN_ECOMMERCE, WH, STORE_PS, STORE_LJZ)
                .withLocations(Map.of(WH, "loc-dc", STORE_PS, "loc-stores", STORE_LJZ, "loc-stores")));
        AllocationRules built = AllocationRules.of(facilities(), rules);
        assertThat(built.listings()).extracting(Listing::toString).containsExactly("shopify@loc-dc", "shopify@loc-stores");
        assertThat(ids(built, built.listings().get(1))).containsExactly(STORE_PS, STORE_LJZ);
    }

    private static List<String> ids(AllocationRules rules, Listing listing) {
        List<String> out = new ArrayList<>();
        for (int f : listing.facilities()) {
            out.add(rules.facilities().get(f).id());
        }
        return out;
    }
}
