package org.omnichannel.connector.alipay;

import org.omnichannel.connector.spi.BadPayloadException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Alipay writes times as {@code yyyy-MM-dd HH:mm:ss} in Beijing time (UTC+8), without an offset. */
final class AlipayTimes {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private AlipayTimes() {
    }

    static Instant parse(String field, String value) {
        try {
            return LocalDateTime.parse(value, FORMAT).atZone(BEIJING).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadPayloadException("Alipay field '" + field + "' is '" + value
                    + "', not a time like 2019-08-15 15:56:24");
        }
    }
}
