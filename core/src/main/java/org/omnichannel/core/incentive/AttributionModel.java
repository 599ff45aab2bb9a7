package org.omnichannel.core.incentive;

/** Which of the employees who touched a fan before an order on another channel get the referral credit. */
public enum AttributionModel {
    /** The earliest touch in the window takes it all. */
    FIRST_TOUCH,
    /** The latest touch before the order takes it all. */
    LAST_TOUCH,
    /** Every distinct employee with a touch in the window gets an equal share; shares sum exactly to the whole. */
    SPLIT
}
