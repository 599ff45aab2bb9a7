package org.omnichannel.core.fan.normalize;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Birth dates to {@code yyyyMMdd}. Reads ISO (1990-05-03), compact (19900503), slashed or dotted
 * day-first (03/05/1990, 03.05.1990), year-first with slashes, and Chinese (1990年5月3日), after
 * NFKC (full-width digits). Eight digits that are not a real date (19741315) are kept as they are:
 * a typo in a birth date is still evidence, compared digit by digit.
 */
public final class Dates {

    private Dates() {
    }

    /** The {@code yyyyMMdd} form, or null when the value holds no date. */
    public static String normalize(String raw) {
        String s = Text.nfkc(raw);
        if (s == null) {
            return null;
        }
        String[] parts = s.split("[^0-9]+");
        java.util.List<String> numbers = new java.util.ArrayList<>(3);
        for (String p : parts) {
            if (!p.isEmpty()) {
                numbers.add(p);
            }
        }
        if (numbers.size() == 1 && numbers.get(0).length() == 8) {
            return numbers.get(0);
        }
        if (numbers.size() < 3) {
            return null;
        }
        String a = numbers.get(0);
        String b = numbers.get(1);
        String c = numbers.get(2);
        if (a.length() == 4) {
            return format(a, b, c);
        }
        if (c.length() == 4) {
            return format(c, b, a);
        }
        return null;
    }

    /** As a date, or null when the normal form is not a real calendar date. */
    public static LocalDate toDate(String normalized) {
        if (normalized == null || normalized.length() != 8) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(normalized.substring(0, 4)),
                    Integer.parseInt(normalized.substring(4, 6)), Integer.parseInt(normalized.substring(6, 8)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    public static String of(LocalDate date) {
        return date == null ? null : String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(),
                date.getDayOfMonth());
    }

    private static String format(String year, String month, String day) {
        if (month.length() > 2 || day.length() > 2) {
            return null;
        }
        return year + pad(month) + pad(day);
    }

    private static String pad(String s) {
        return s.length() == 1 ? "0" + s : s;
    }
}
