package org.omnichannel.core.incentive;

/**
 * Where an employee belongs, as the brand's HR data says: a department of the brand, and for
 * franchise staff the franchisee (the company that runs the store). Entries copy it when they are
 * booked, so a statement keeps showing where the work was done after a transfer.
 *
 * @param employeeId   the id the channels use for the employee (as on {@code EmployeeRef.id})
 * @param departmentId the department (an OFBiz party group), or null
 * @param franchiseeId the franchisee party for franchise staff, null for the brand's own staff
 */
public record EmployeeAssignment(String employeeId, String departmentId, String franchiseeId) {

    public EmployeeAssignment {
        if (employeeId == null || employeeId.isBlank()) {
            throw new IllegalArgumentException("employeeId is required");
        }
        departmentId = departmentId == null || departmentId.isBlank() ? null : departmentId;
        franchiseeId = franchiseeId == null || franchiseeId.isBlank() ? null : franchiseeId;
    }

    /** An employee nobody has assigned yet: credited all the same, with no department or franchisee. */
    public static EmployeeAssignment unassigned(String employeeId) {
        return new EmployeeAssignment(employeeId, null, null);
    }
}
