package org.omnichannel.core.incentive;

/** Why an entry was booked. */
public enum CreditKind {
    /** A fixed reward for an activity (contact collected, complaint answered...). */
    ACTIVITY,
    /** Commission to the employee who served a sale on his own channel. */
    SALE_COMMISSION,
    /** Commission to the employee(s) who referred the fan to the channel where the fan bought. */
    REFERRAL_COMMISSION
}
