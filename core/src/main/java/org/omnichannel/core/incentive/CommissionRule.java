package org.omnichannel.core.incentive;

import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.OrderPayload;

import java.math.BigInteger;
import java.util.List;

/**
 * Commission on a sale: marginal tiers of basis points over the order's commissionable amount
 * (grand total less shipping and tax), with an optional cap per order.
 *
 * <p>Rounding: the exact commission Σ(portion × basis points) / 10,000 is rounded once, half away
 * from zero, to whole minor units; the cap then applies.
 *
 * @param currency the currency the thresholds and the cap are in; orders in another currency earn
 *                 nothing under this rule (a brand selling in two currencies has a plan per
 *                 currency). Null only for a single tier from 0 without a cap: any currency
 * @param tiers    ascending by {@link Tier#fromMinor()}, the first from 0
 * @param capMinor the most one order can earn, in minor units of {@code currency}, or null
 */
public record CommissionRule(String currency, List<Tier> tiers, Long capMinor) {

    /** From {@code fromMinor} upwards (until the next tier) the rate is {@code basisPoints} (1% = 100). */
    public record Tier(long fromMinor, int basisPoints) {
        public Tier {
            if (fromMinor < 0) {
                throw new IllegalArgumentException("commission tier must start at 0 or above, was " + fromMinor);
            }
            if (basisPoints < 0 || basisPoints > 10_000) {
                throw new IllegalArgumentException("commission tier rate must be 0..10000 basis points, was " + basisPoints);
            }
        }
    }

    public CommissionRule {
        tiers = List.copyOf(PlanChecks.required(tiers, "commission tiers"));
        if (tiers.isEmpty() || tiers.get(0).fromMinor() != 0) {
            throw new IllegalArgumentException("commission tiers must start with a tier from 0");
        }
        for (int i = 1; i < tiers.size(); i++) {
            if (tiers.get(i).fromMinor() <= tiers.get(i - 1).fromMinor()) {
                throw new IllegalArgumentException("commission tiers must ascend: tier " + i + " starts at "
                        + tiers.get(i).fromMinor() + ", not above " + tiers.get(i - 1).fromMinor());
            }
        }
        if (capMinor != null && capMinor < 0) {
            throw new IllegalArgumentException("commission cap must not be negative, was " + capMinor);
        }
        if (currency != null) {
            new Money(0, currency);
        } else if (tiers.size() > 1 || capMinor != null) {
            throw new IllegalArgumentException("a commission with tiers or a cap needs the currency they are in");
        }
    }

    /** A flat percentage in basis points (250 = 2.5%) on orders in any currency. */
    public static CommissionRule percent(int basisPoints) {
        return new CommissionRule(null, List.of(new Tier(0, basisPoints)), null);
    }

    /** The commission on an order, or null when the rule does not apply to the order's currency. */
    public Money commissionOn(OrderPayload order) {
        if (currency != null && !currency.equals(order.currency())) {
            return null;
        }
        long base = commissionableMinor(order);
        BigInteger numerator = BigInteger.ZERO;
        for (int i = 0; i < tiers.size() && base > tiers.get(i).fromMinor(); i++) {
            long upper = i + 1 < tiers.size() ? Math.min(base, tiers.get(i + 1).fromMinor()) : base;
            long portion = upper - tiers.get(i).fromMinor();
            numerator = numerator.add(BigInteger.valueOf(portion).multiply(BigInteger.valueOf(tiers.get(i).basisPoints())));
        }
        long commission = Shares.divideHalfUp(numerator, 10_000);
        if (capMinor != null) {
            commission = Math.min(commission, capMinor);
        }
        return new Money(commission, order.currency());
    }

    /** Grand total less shipping and tax, never below zero. */
    static long commissionableMinor(OrderPayload order) {
        long base = order.grandTotal().amountMinor();
        if (order.shippingTotal() != null) {
            base -= order.shippingTotal().amountMinor();
        }
        if (order.taxTotal() != null) {
            base -= order.taxTotal().amountMinor();
        }
        return Math.max(base, 0);
    }
}
