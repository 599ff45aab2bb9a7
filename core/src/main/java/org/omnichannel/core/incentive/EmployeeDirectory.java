package org.omnichannel.core.incentive;

import java.util.Map;
import java.util.Optional;

/**
 * Port: who an employee is in the brand's organisation. The OFBiz plugin implements it on the
 * Delegator (the employee's Party via PartyIdentification of the clerk code, the department and
 * franchisee through PartyRelationship). One method, so an implementation is a single query.
 */
@FunctionalInterface
public interface EmployeeDirectory {

    /** The employee's department and franchisee, or empty when the id is unknown. */
    Optional<EmployeeAssignment> assignmentOf(String employeeId);

    /** A directory over a fixed map, for tests, demos and benchmarks. */
    static EmployeeDirectory of(Map<String, EmployeeAssignment> assignments) {
        Map<String, EmployeeAssignment> copy = Map.copyOf(assignments);
        return id -> Optional.ofNullable(copy.get(id));
    }
}
