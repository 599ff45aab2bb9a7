package org.omnichannel.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where it happened: a store or warehouse id as the channel knows it; mapped to an OFBiz Facility. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FacilityRef(String id, String name) {

    public FacilityRef {
        id = Checks.requiredText(id, "facility.id");
        name = Checks.optionalText(name);
    }
}
