package org.omnichannel.ofbiz.order;

import java.util.Map;

import org.apache.ofbiz.service.ServiceUtil;

/** Turns an error answer of an OFBiz service into a rejection of the event, naming the service. */
final class OfbizResults {

    private OfbizResults() {
    }

    static void require(String service, Map<String, Object> result) {
        if (ServiceUtil.isError(result)) {
            throw new OrderRejectedException("OFBiz's " + service + " refused the event: " + ServiceUtil.getErrorMessage(result));
        }
    }
}
