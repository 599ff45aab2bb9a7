package org.omnichannel.core.incentive;

import java.util.List;
import java.util.Optional;

/**
 * Port: the append-only credit ledger and the record of closed periods. The OFBiz plugin
 * implements it on the Delegator (one entity row per entry, one per closed period and payout);
 * {@link InMemoryCreditLedger} is the implementation for tests and benchmarks.
 *
 * <p>Contract: entries are never updated or deleted; {@link #append} refuses an entry whose id is
 * already in the ledger or whose period is closed, and appends all of a batch or none.
 */
public interface CreditLedger {

    /** Appends the entries atomically; throws {@link IllegalStateException} naming the first offending entry. */
    void append(List<LedgerEntry> entries);

    /** Every entry booked in the period, in booking order. */
    List<LedgerEntry> entriesIn(String periodId);

    /** The employee's entries in the period, in booking order. */
    List<LedgerEntry> entriesOf(String employeeId, String periodId);

    /** Freezes the period with its payouts; throws {@link IllegalStateException} if it is closed already. */
    void close(PeriodClose close);

    /** The close of the period, or empty while it is open. */
    Optional<PeriodClose> closeOf(String periodId);
}
