package org.omnichannel.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who on the brand's side served the fan: a clerk's id as the channel knows it (POS clerk code,
 * WeChat Work user id); the OFBiz plugin maps it to an employee Party.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmployeeRef(String id, String name) {

    public EmployeeRef {
        id = Checks.requiredText(id, "employee.id");
        name = Checks.optionalText(name);
    }
}
