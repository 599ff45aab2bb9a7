package org.omnichannel.core.incentive;

/**
 * One row of a leaderboard.
 *
 * @param rank competition ranking: equal totals share a rank and the next rank skips (1, 1, 3)
 * @param key  the employee, facility, department or franchisee id
 */
public record Standing(int rank, String key, Amount total) {
}
