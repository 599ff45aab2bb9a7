package org.omnichannel.hub.ingress;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;

import java.util.Map;

/**
 * The hub's webhook endpoint, {@code omni-webhook:<channelId>}: serves {@code GET} and
 * {@code POST /webhooks/<channelId>} on the platform-http Vert.x server (the same server and port
 * as platform-http) through a {@link WebhookConsumer}, which hands each request to the route on
 * the Vert.x event loop and answers when the route's asynchronous processing completes.
 *
 * <p>Why not {@code platform-http:} itself: its Vert.x consumer runs every exchange through
 * {@code executeBlocking} and Camel's synchronous {@code process}, so each webhook waiting for
 * Kafka's acknowledgement holds one of Vert.x's 20 worker threads; under load the requests queue
 * behind them (measured by {@code bin/omni bench ingress}, see docs/hub.md).
 */
public final class WebhookComponent extends DefaultComponent {

    public static final String SCHEME = "omni-webhook";

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        String channelId = remaining.startsWith("//") ? remaining.substring(2) : remaining;
        if (channelId.isBlank() || channelId.contains("/")) {
            throw new IllegalArgumentException(SCHEME + " needs a channel id, e.g. " + SCHEME + ":shop-eu, not '" + remaining + "'");
        }
        return new WebhookEndpoint(uri, this, channelId);
    }

    /** One channel's webhook path. */
    static final class WebhookEndpoint extends DefaultEndpoint {

        private final String channelId;

        WebhookEndpoint(String uri, WebhookComponent component, String channelId) {
            super(uri, component);
            this.channelId = channelId;
        }

        /** The path the channel's vendor posts to. */
        String path() {
            return "/webhooks/" + channelId;
        }

        @Override
        public Producer createProducer() {
            throw new UnsupportedOperationException(SCHEME + " only receives webhooks (use it in from(...))");
        }

        @Override
        public Consumer createConsumer(Processor processor) throws Exception {
            WebhookConsumer consumer = new WebhookConsumer(this, processor);
            configureConsumer(consumer);
            return consumer;
        }
    }
}
