package org.omnichannel.connector.pos;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The columns of a POS CSV file (docs/connectors-cn-pos.md). The header must name each exactly once,
 * in any order. Each row type reads some columns; the others must be empty on that row, which catches
 * rows shifted by a missing comma.
 */
enum PosColumn {
    RECORD_TYPE(true, true, true),
    STORE_ID(true, true, true),
    ORDER_ID(true, true, true),
    OCCURRED_AT(true, false, false),
    CLERK_ID(true, false, false),
    CURRENCY(true, false, false),
    ORDER_TOTAL(true, false, false),
    ORDER_DISCOUNT(true, false, false),
    LOYALTY_CARD(true, false, false),
    PHONE(true, false, false),
    LINE_ID(false, true, false),
    SKU(false, true, false),
    TITLE(false, true, false),
    QUANTITY(false, true, false),
    UNIT_PRICE(false, true, false),
    LINE_DISCOUNT(false, true, false),
    LINE_TOTAL(false, true, false),
    PAYMENT_ID(false, false, true),
    METHOD(false, false, true),
    AMOUNT(false, false, true),
    PAYER_ID(false, false, true),
    PAYER_APP_ID(false, false, true);

    private final boolean order;
    private final boolean line;
    private final boolean payment;

    PosColumn(boolean order, boolean line, boolean payment) {
        this.order = order;
        this.line = line;
        this.payment = payment;
    }

    /** The name in the header: the constant in lower case, e.g. order_total. */
    String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean usedBy(PosRecordType type) {
        return switch (type) {
            case ORDER -> order;
            case LINE -> line;
            case PAYMENT -> payment;
        };
    }

    static Set<PosColumn> all() {
        return EnumSet.allOf(PosColumn.class);
    }

    /** The header line a file must have (in this order, though any order is accepted). */
    static String canonicalHeader() {
        return String.join(",", all().stream().map(PosColumn::header).toList());
    }
}
