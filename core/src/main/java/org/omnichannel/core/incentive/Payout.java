package org.omnichannel.core.incentive;

/**
 * What one employee earned in one closed period in one unit: the sum of all his entries there,
 * reversals included. A negative total is a claw-back the brand settles as it sees fit.
 *
 * @param departmentId the department on the employee's latest entry of the period, or null
 * @param franchiseeId the franchisee on the employee's latest entry of the period, or null
 * @param entryCount   how many entries make up the total
 */
public record Payout(String employeeId, String departmentId, String franchiseeId, Amount total, int entryCount) {
}
