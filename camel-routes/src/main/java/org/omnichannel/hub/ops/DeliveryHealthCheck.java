package org.omnichannel.hub.ops;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.omnichannel.hub.delivery.OfbizDelivery;

import java.util.Map;

/**
 * Readiness of the delivery to OFBiz: down while OFBiz refuses the hub's credentials (an operator
 * must fix them; retrying does not help). An OFBiz that is merely down is reported in the details
 * but keeps the hub ready: webhooks are still accepted and queued.
 */
public final class DeliveryHealthCheck extends AbstractHealthCheck {

    private final OfbizDelivery delivery;

    public DeliveryHealthCheck(OfbizDelivery delivery) {
        super("omni", "ofbiz-delivery");
        this.delivery = delivery;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("seconds.since.last.delivery", delivery.secondsSinceLastDelivery());
        if (delivery.credentialsAccepted()) {
            builder.up();
        } else {
            builder.message("OFBiz refuses the hub's credentials: fix omni.ofbiz.username/password or grant OMNI_INGEST");
            builder.down();
        }
    }
}
