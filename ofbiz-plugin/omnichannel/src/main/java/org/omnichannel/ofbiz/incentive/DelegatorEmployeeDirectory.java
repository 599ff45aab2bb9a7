package org.omnichannel.ofbiz.incentive;

import java.util.Optional;

import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.omnichannel.core.incentive.EmployeeAssignment;
import org.omnichannel.core.incentive.EmployeeDirectory;

/**
 * Core's {@link EmployeeDirectory} on OFBiz's parties: an employee is a Party with the role
 * EMPLOYEE, whose id the channels use on {@code EmployeeRef.id}. Its employer is the party at the
 * other end of its current EMPLOYMENT relationship: a franchisee (a channel's franchiseePartyId)
 * makes the employee franchise staff; any other employer is the employee's department.
 */
public final class DelegatorEmployeeDirectory implements EmployeeDirectory {

    private final Delegator delegator;

    public DelegatorEmployeeDirectory(Delegator delegator) {
        this.delegator = delegator;
    }

    /** True when OFBiz knows the id as an employee: only those are credited (entries name their Party). */
    public boolean isEmployee(String employeeId) {
        try {
            return employeeId != null && employeeId.length() <= 20 && EntityQuery.use(delegator).from("PartyRole")
                    .where("partyId", employeeId, "roleTypeId", "EMPLOYEE").queryOne() != null;
        } catch (GenericEntityException e) {
            throw new IllegalStateException("could not read employee " + employeeId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<EmployeeAssignment> assignmentOf(String employeeId) {
        if (!isEmployee(employeeId)) {
            return Optional.empty();
        }
        try {
            GenericValue employment = EntityQuery.use(delegator).from("PartyRelationship")
                    .where("partyIdTo", employeeId, "roleTypeIdTo", "EMPLOYEE", "partyRelationshipTypeId", "EMPLOYMENT")
                    .filterByDate().orderBy("-fromDate").queryFirst();
            if (employment == null) {
                return Optional.of(EmployeeAssignment.unassigned(employeeId));
            }
            String employer = employment.getString("partyIdFrom");
            boolean franchisee = EntityQuery.use(delegator).from("OmniChannel").where("franchiseePartyId", employer)
                    .queryFirst() != null;
            return Optional.of(franchisee ? new EmployeeAssignment(employeeId, null, employer)
                    : new EmployeeAssignment(employeeId, employer, null));
        } catch (GenericEntityException e) {
            throw new IllegalStateException("could not read the employment of " + employeeId + ": " + e.getMessage(), e);
        }
    }
}
