package org.omnichannel.hub.outbound;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;

/**
 * Readiness of the outbound side: down only while OFBiz refuses the hub's credentials for outboxRead (an
 * operator must act). The details say whether this hub is the one polling the outbox, its cursor, the
 * seconds since the last read, the outbox lag, and which channels wait (throttled or their vendor down) and why.
 */
final class OutboundHealthCheck extends AbstractHealthCheck {

    private final OutboxPoller poller;
    private final OutboundStatus status;

    OutboundHealthCheck(OutboxPoller poller, OutboundStatus status) {
        super("omni", "outbound");
        this.poller = poller;
        this.status = status;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("seconds.since.last.push.batch", status.secondsSinceLastBatch());
        status.waiting().forEach((channel, reason) -> builder.detail("waiting." + channel, reason));
        if (poller == null) {
            builder.detail("outbox", "off (omni.ofbiz.baseUrl is empty)");
            builder.up();
            return;
        }
        builder.detail("outbox.leader", poller.leader());
        builder.detail("outbox.cursor", poller.cursor());
        builder.detail("outbox.lag.seconds", poller.lagSeconds());
        if (poller.leader()) {
            builder.detail("seconds.since.last.outbox.read", poller.secondsSinceLastRead());
        }
        if (poller.problem() != null) {
            builder.detail("outbox.problem", poller.problem());
        }
        if (poller.credentialsAccepted()) {
            builder.up();
        } else {
            builder.message("OFBiz refuses the hub's credentials for outboxRead: fix omni.ofbiz.username/password or "
                    + "grant the permission");
            builder.down();
        }
    }
}
