package org.omnichannel.ofbiz.incentive;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.omnichannel.core.event.ChannelKind;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.incentive.Amount;
import org.omnichannel.core.incentive.CreditKind;
import org.omnichannel.core.incentive.LedgerEntry;

/**
 * Core's {@link LedgerEntry} to the fields of an OmniCreditEntry row and back. Money is stored as
 * OFBiz amounts in the currency's major unit; rows written before the engine (demo data) read back
 * with their creditEntryId as entry id and their contribution as the kind. Pure: no OFBiz class.
 */
public final class LedgerRows {

    private LedgerRows() {
    }

    /**
     * The fields of the row of an entry.
     *
     * @param creditEntryId         the row's id (an OFBiz sequence id)
     * @param ruleSeqId             the plan rule that booked it
     * @param contributionEnumId    that rule's contribution
     * @param reversesCreditEntryId the row of the entry this one reverses, or null
     */
    public static Map<String, Object> fields(LedgerEntry e, String creditEntryId, String ruleSeqId, String contributionEnumId,
            String reversesCreditEntryId) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("creditEntryId", creditEntryId);
        row.put("ledgerEntryId", e.entryId());
        row.put("periodMonth", e.periodId());
        row.put("employeePartyId", e.employeeId());
        row.put("departmentPartyId", e.departmentId());
        row.put("franchiseePartyId", e.franchiseeId());
        row.put("planId", e.planId());
        row.put("ruleSeqId", ruleSeqId);
        row.put("coreRuleId", e.ruleId());
        row.put("contributionEnumId", contributionEnumId);
        row.put("creditKind", e.kind().name());
        row.put("amount", decimal(e.amount()));
        row.put("currencyUomId", e.amount().isPoints() ? null : e.amount().unit());
        row.put("fanPartyId", e.fanId());
        row.put("channelId", e.channelId());
        row.put("facilityId", e.facilityId());
        row.put("orderRef", e.orderRef());
        row.put("eventId", e.sourceEventId());
        row.put("entryDate", Timestamp.from(e.occurredAt()));
        row.put("reversesEntryId", reversesCreditEntryId);
        return row;
    }

    /**
     * The entry of a row, read through {@code field} (a GenericValue's get).
     *
     * @param channelKind        the kind of the row's channel
     * @param ledgerIdOfCreditEntry the ledger entry id of a row named by reversesEntryId
     */
    public static LedgerEntry entry(Function<String, Object> field, ChannelKind channelKind,
            Function<String, String> ledgerIdOfCreditEntry) {
        String creditEntryId = (String) field.apply("creditEntryId");
        String ledgerId = (String) field.apply("ledgerEntryId");
        String contribution = (String) field.apply("contributionEnumId");
        String kind = (String) field.apply("creditKind");
        CreditKind creditKind = kind != null ? CreditKind.valueOf(kind)
                : "OMNI_CON_SALE".equals(contribution) ? CreditKind.SALE_COMMISSION
                : "OMNI_CON_REFERRAL".equals(contribution) ? CreditKind.REFERRAL_COMMISSION : CreditKind.ACTIVITY;
        String ruleId = (String) field.apply("coreRuleId");
        if (ruleId == null) {
            ruleId = creditKind == CreditKind.SALE_COMMISSION ? PlanRows.SALE
                    : creditKind == CreditKind.REFERRAL_COMMISSION ? PlanRows.REFERRAL : (String) field.apply("ruleSeqId");
        }
        String currency = (String) field.apply("currencyUomId");
        BigDecimal amount = (BigDecimal) field.apply("amount");
        Amount value = currency == null ? Amount.points(amount.longValueExact()) : Amount.of(Money.of(amount, currency));
        String event = (String) field.apply("eventId");
        String reverses = (String) field.apply("reversesEntryId");
        return new LedgerEntry(ledgerId == null ? creditEntryId : ledgerId, (String) field.apply("periodMonth"),
                (String) field.apply("employeePartyId"), (String) field.apply("departmentPartyId"),
                (String) field.apply("franchiseePartyId"), (String) field.apply("channelId"), channelKind,
                (String) field.apply("facilityId"), creditKind, ruleId, value, event == null ? "row:" + creditEntryId : event,
                ((Timestamp) field.apply("entryDate")).toInstant(), (String) field.apply("planId"),
                (String) field.apply("fanPartyId"), (String) field.apply("orderRef"),
                reverses == null ? null : ledgerIdOfCreditEntry.apply(reverses));
    }

    /** An amount as OFBiz stores it: major units of the currency, or the points. */
    public static BigDecimal decimal(Amount amount) {
        return amount.isPoints() ? BigDecimal.valueOf(amount.value()) : new Money(amount.value(), amount.unit()).toDecimal();
    }
}
