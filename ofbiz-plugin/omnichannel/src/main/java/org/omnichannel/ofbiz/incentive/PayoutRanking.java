package org.omnichannel.ofbiz.incentive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statement of a closed period: each employee's total credit (reversals included) and rank.
 * Ties share a rank (1, 2, 2, 4); equal totals are listed by employee id so the order is stable.
 */
public final class PayoutRanking {

    /** One ledger line: whose, and how much (negative for a reversal). */
    public record Credit(String employeePartyId, BigDecimal amount) {
    }

    /** One line of the statement. */
    public record Payout(String employeePartyId, BigDecimal amount, long entryCount, long rank) {
    }

    private PayoutRanking() {
    }

    public static List<Payout> rank(List<Credit> credits) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Credit credit : credits) {
            totals.merge(credit.employeePartyId(), credit.amount(), BigDecimal::add);
            counts.merge(credit.employeePartyId(), 1L, Long::sum);
        }
        List<Map.Entry<String, BigDecimal>> sorted = new ArrayList<>(totals.entrySet());
        sorted.sort(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<Payout> payouts = new ArrayList<>();
        long rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            Map.Entry<String, BigDecimal> entry = sorted.get(i);
            if (previous == null || entry.getValue().compareTo(previous) != 0) {
                rank = i + 1;
                previous = entry.getValue();
            }
            payouts.add(new Payout(entry.getKey(), entry.getValue(), counts.get(entry.getKey()), rank));
        }
        return payouts;
    }
}
