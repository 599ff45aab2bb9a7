package org.omnichannel.connector.pos;

import org.omnichannel.core.event.PaymentMethod;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads one CSV record into a {@link PosRow}, checking every column the row type uses; every problem
 * of the row is reported at once, each naming its column.
 */
final class PosRowParser {

    private static final DateTimeFormatter LOCAL_WITH_SPACE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final Map<PosColumn, Integer> index;
    private final ZoneId zone;

    /** A row that cannot be used, with every problem found on it. */
    static final class RowException extends Exception {
        private static final long serialVersionUID = 1L;

        RowException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param index where each column is in the file
     * @param zone  the time zone of local occurred_at values, or null when the channel sets none
     */
    PosRowParser(Map<PosColumn, Integer> index, ZoneId zone) {
        this.index = index;
        this.zone = zone;
    }

    PosRow parse(CsvRecords.CsvRecord record) throws RowException {
        List<String> fields = record.fields();
        if (fields.size() != index.size()) {
            throw new RowException("has " + fields.size() + " fields but the header has " + index.size());
        }
        Cells cells = new Cells(fields);
        String typeText = cells.required(PosColumn.RECORD_TYPE);
        PosRecordType type;
        try {
            type = PosRecordType.valueOf(typeText == null ? "" : typeText);
        } catch (IllegalArgumentException e) {
            throw new RowException("record_type '" + (typeText == null ? "" : typeText)
                    + "' is not one of " + Arrays.toString(PosRecordType.values()));
        }
        for (PosColumn column : PosColumn.values()) {
            if (!column.usedBy(type) && !cells.raw(column).isEmpty()) {
                cells.problem(column, "must be empty on a " + type + " row");
            }
        }
        String store = cells.required(PosColumn.STORE_ID);
        String order = cells.required(PosColumn.ORDER_ID);
        PosRow row = switch (type) {
            case ORDER -> new PosRow.Order(record.line(), store, order, cells.instant(PosColumn.OCCURRED_AT),
                    cells.optional(PosColumn.CLERK_ID), cells.currency(PosColumn.CURRENCY),
                    cells.decimal(PosColumn.ORDER_TOTAL, true, false), cells.decimal(PosColumn.ORDER_DISCOUNT, false, false),
                    cells.optional(PosColumn.LOYALTY_CARD), cells.optional(PosColumn.PHONE));
            case LINE -> new PosRow.Line(record.line(), store, order, cells.required(PosColumn.LINE_ID),
                    cells.required(PosColumn.SKU), cells.optional(PosColumn.TITLE),
                    cells.decimal(PosColumn.QUANTITY, true, true), cells.decimal(PosColumn.UNIT_PRICE, true, false),
                    cells.decimal(PosColumn.LINE_DISCOUNT, false, false), cells.decimal(PosColumn.LINE_TOTAL, true, false));
            case PAYMENT -> payment(record.line(), store, order, cells);
        };
        if (!cells.problems.isEmpty()) {
            throw new RowException(String.join("; ", cells.problems));
        }
        return row;
    }

    private static PosRow.Payment payment(int line, String store, String order, Cells cells) {
        String methodText = cells.required(PosColumn.METHOD);
        PaymentMethod method = null;
        if (methodText != null) {
            try {
                method = PaymentMethod.valueOf(methodText);
            } catch (IllegalArgumentException e) {
                cells.problem(PosColumn.METHOD, "'" + methodText + "' is not one of " + Arrays.toString(PaymentMethod.values()));
            }
        }
        String payerId = cells.optional(PosColumn.PAYER_ID);
        String payerAppId = cells.optional(PosColumn.PAYER_APP_ID);
        if (payerId != null && method != null && method != PaymentMethod.ALIPAY && method != PaymentMethod.WECHAT_PAY) {
            cells.problem(PosColumn.PAYER_ID, "is read only for ALIPAY and WECHAT_PAY payments, not " + method);
        }
        if (payerId != null && method == PaymentMethod.WECHAT_PAY && payerAppId == null) {
            cells.problem(PosColumn.PAYER_APP_ID, "is required with a WECHAT_PAY payer_id: an openid is unique only"
                    + " within its appid");
        }
        if (payerId == null && payerAppId != null) {
            cells.problem(PosColumn.PAYER_APP_ID, "is given without a payer_id");
        }
        return new PosRow.Payment(line, store, order, cells.required(PosColumn.PAYMENT_ID), method,
                cells.decimal(PosColumn.AMOUNT, true, true), payerId, payerAppId);
    }

    /** The cells of one record, collecting problems instead of stopping at the first. */
    private final class Cells {
        private final List<String> fields;
        private final List<String> problems = new ArrayList<>();

        Cells(List<String> fields) {
            this.fields = fields;
        }

        String raw(PosColumn column) {
            return fields.get(index.get(column)).strip();
        }

        void problem(PosColumn column, String message) {
            problems.add(column.header() + " " + message);
        }

        String optional(PosColumn column) {
            String value = raw(column);
            return value.isEmpty() ? null : value;
        }

        String required(PosColumn column) {
            String value = optional(column);
            if (value == null) {
                problem(column, "is required");
            }
            return value;
        }

        BigDecimal decimal(PosColumn column, boolean required, boolean positive) {
            String value = required ? required(column) : optional(column);
            if (value == null) {
                return null;
            }
            try {
                BigDecimal decimal = new BigDecimal(value);
                if (positive ? decimal.signum() <= 0 : decimal.signum() < 0) {
                    problem(column, "must be " + (positive ? "greater than 0" : "0 or more") + ", was " + value);
                    return null;
                }
                return decimal;
            } catch (NumberFormatException e) {
                problem(column, "'" + value + "' is not a decimal number such as 1299.00");
                return null;
            }
        }

        String currency(PosColumn column) {
            String value = required(column);
            if (value != null) {
                try {
                    if (!java.util.Currency.getInstance(value).getCurrencyCode().equals(value)) {
                        throw new IllegalArgumentException();
                    }
                } catch (IllegalArgumentException e) {
                    problem(column, "'" + value + "' is not an ISO 4217 code such as CNY");
                    return null;
                }
            }
            return value;
        }

        Instant instant(PosColumn column) {
            String value = required(column);
            if (value == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException ignored) {
                // not with an offset: a local time in the channel's zone
            }
            LocalDateTime local;
            try {
                local = value.indexOf('T') > 0 ? LocalDateTime.parse(value) : LocalDateTime.parse(value, LOCAL_WITH_SPACE);
            } catch (DateTimeException e) {
                problem(column, "'" + value + "' is not a time like 2026-11-20T10:15:00+08:00 or 2026-11-20 10:15:00");
                return null;
            }
            if (zone == null) {
                problem(column, "'" + value + "' has no offset and the channel has no timeZone setting"
                        + " (e.g. timeZone: Asia/Shanghai)");
                return null;
            }
            return local.atZone(zone).toInstant();
        }
    }
}
