package org.omnichannel.ofbiz.order;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.event.Address;
import org.omnichannel.core.event.FulfilmentMode;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.OrderLine;
import org.omnichannel.core.event.OrderPayload;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** How a channel order becomes storeOrder's items and adjustments, with OFBiz's total equal to what the fan paid. */
class OrderPlanTest {

    private static Money cny(long fen) {
        return new Money(fen, "CNY");
    }

    private static OrderLine line(String id, String sku, String qty, long unitFen, Long discountFen) {
        BigDecimal quantity = new BigDecimal(qty);
        long gross = new BigDecimal(unitFen).multiply(quantity).longValueExact();
        return new OrderLine(id, sku, null, "title " + id, quantity, cny(unitFen), discountFen == null ? null : cny(discountFen),
                cny(gross - (discountFen == null ? 0 : discountFen)));
    }

    private static OrderPayload order(List<OrderLine> lines, Long discount, Long shipping, Long tax, long grand) {
        return new OrderPayload("4711", "#1001", "paid", "CNY", lines, null, discount == null ? null : cny(discount),
                shipping == null ? null : cny(shipping), tax == null ? null : cny(tax), cny(grand), null,
                new Address("王小明", "南京东路 100 号", null, "上海", null, "200001", "CN", null), FulfilmentMode.SHIP, null, null);
    }

    private static final Map<String, String> PRODUCTS = Map.of("L1", "GZ-1000", "L2", "GZ-2644");

    @Test
    void a_line_discount_becomes_an_item_discount_and_the_total_is_what_the_fan_paid() {
        OrderPlan plan = OrderPlan.of(order(List.of(line("L1", "GL-AVIATOR-BLK", "1", 139900, 10000L)), 10000L, null, null, 129900),
                PRODUCTS);

        assertThat(plan.items()).extracting(ItemPlan::orderItemSeqId, ItemPlan::productId, ItemPlan::quantity, ItemPlan::unitPrice)
                .containsExactly(tuple("00001", "GZ-1000", new BigDecimal("1"), new BigDecimal("1399.00")));
        assertThat(plan.adjustments()).extracting(AdjustmentPlan::typeId, AdjustmentPlan::orderItemSeqId, AdjustmentPlan::amount)
                .containsExactly(tuple("DISCOUNT_ADJUSTMENT", "00001", new BigDecimal("-100.00")));
        assertThat(plan.total()).isEqualByComparingTo("1299.00");
        assertThat(plan.grandTotal()).isEqualTo(new BigDecimal("1299.00"));
        assertThat(plan.currency()).isEqualTo("CNY");
    }

    @Test
    void shipping_and_tax_on_top_of_the_prices_are_order_adjustments() {
        OrderPlan plan = OrderPlan.of(order(List.of(line("L1", "A", "2", 10000, null), line("L2", "B", "1", 5000, null)),
                null, 1500L, 1300L, 27800), PRODUCTS);

        assertThat(plan.items()).extracting(ItemPlan::orderItemSeqId).containsExactly("00001", "00002");
        assertThat(plan.adjustments()).extracting(AdjustmentPlan::typeId, AdjustmentPlan::orderItemSeqId, AdjustmentPlan::amount)
                .containsExactly(tuple("SHIPPING_CHARGES", null, new BigDecimal("15.00")), tuple("SALES_TAX", null, new BigDecimal("13.00")));
        assertThat(plan.total()).isEqualByComparingTo("278.00");
    }

    @Test
    void tax_already_inside_the_prices_is_recorded_as_included_vat_and_adds_nothing() {
        OrderPlan plan = OrderPlan.of(order(List.of(line("L1", "A", "1", 11300, null)), null, null, 1300L, 11300), PRODUCTS);

        AdjustmentPlan vat = plan.adjustments().get(0);
        assertThat(vat.typeId()).isEqualTo("VAT_TAX");
        assertThat(vat.amount()).isEqualByComparingTo("0");
        assertThat(vat.amountAlreadyIncluded()).isEqualTo(new BigDecimal("13.00"));
        assertThat(plan.adjustments()).hasSize(1);
        assertThat(plan.total()).isEqualByComparingTo("113.00");
    }

    @Test
    void an_order_discount_beyond_the_line_discounts_is_one_order_level_discount() {
        OrderPlan plan = OrderPlan.of(order(List.of(line("L1", "A", "1", 20000, 2000L), line("L2", "B", "1", 10000, null)),
                5000L, null, null, 25000), PRODUCTS);

        assertThat(plan.adjustments()).extracting(AdjustmentPlan::typeId, AdjustmentPlan::orderItemSeqId, AdjustmentPlan::amount)
                .containsExactly(tuple("DISCOUNT_ADJUSTMENT", "00001", new BigDecimal("-20.00")),
                        tuple("DISCOUNT_ADJUSTMENT", null, new BigDecimal("-30.00")));
        assertThat(plan.total()).isEqualByComparingTo("250.00");
    }

    @Test
    void a_difference_the_channel_does_not_itemise_becomes_a_miscellaneous_charge() {
        OrderPlan plan = OrderPlan.of(order(List.of(line("L1", "A", "1", 10000, null)), null, null, null, 10099), PRODUCTS);

        assertThat(plan.adjustments()).extracting(AdjustmentPlan::typeId, AdjustmentPlan::amount)
                .containsExactly(tuple("MISCELLANEOUS_CHARGE", new BigDecimal("0.99")));
        assertThat(plan.total()).isEqualByComparingTo("100.99");
    }

    @Test
    void a_fractional_quantity_keeps_its_exact_value() {
        OrderPlan plan = OrderPlan.of(order(List.of(line("L1", "A", "1.5", 2000, null)), null, null, null, 3000), PRODUCTS);

        assertThat(plan.items().get(0).gross()).isEqualByComparingTo("30.00");
        assertThat(plan.adjustments()).isEmpty();
    }

    @Test
    void minor_units_become_decimals_exactly_at_the_currency_scale() {
        assertThat(Amounts.decimal(new Money(129900, "CNY"), "CNY")).isEqualTo(new BigDecimal("1299.00"));
        assertThat(Amounts.decimal(new Money(500, "JPY"), "JPY")).isEqualTo(new BigDecimal("500"));
        assertThat(Amounts.decimal(new Money(1, "KWD"), "KWD")).isEqualTo(new BigDecimal("0.001"));
        assertThat(Amounts.decimal(new Money(-250, "EUR"), "EUR")).isEqualTo(new BigDecimal("-2.50"));
        assertThat(Amounts.decimal(null, "EUR")).isNull();
        assertThatThrownBy(() -> Amounts.decimal(new Money(100, "USD"), "CNY"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CNY");
    }

    @Test
    void the_channel_line_id_is_the_item_external_id_only_when_it_fits_ofbiz_id_field() {
        ItemPlan shortId = new ItemPlan("00001", "L1", "GZ-1000", BigDecimal.ONE, BigDecimal.TEN, null);
        ItemPlan longId = new ItemPlan("00002", "gid://shopify/LineItem/123456789", "GZ-1000", BigDecimal.ONE, BigDecimal.TEN, null);
        assertThat(shortId.externalId()).isEqualTo("L1");
        assertThat(longId.externalId()).isNull();
    }

    @Test
    void a_line_without_a_resolved_product_is_refused() {
        assertThatThrownBy(() -> OrderPlan.of(order(List.of(line("L9", "A", "1", 100, null)), null, null, null, 100), PRODUCTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("L9");
    }
}
