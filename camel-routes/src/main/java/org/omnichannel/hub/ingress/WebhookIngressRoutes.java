package org.omnichannel.hub.ingress;

import org.apache.camel.builder.RouteBuilder;
import org.omnichannel.hub.channel.ChannelRegistry;

/**
 * One ingress route per enabled channel, {@code webhook-<channelId>}, all made from the route
 * template {@value #TEMPLATE}: a new channel is a few lines in the channels file, no code.
 * The route starts at {@link WebhookComponent} ({@code omni-webhook:<channelId>}, served on the
 * platform-http Vert.x server), which runs it on the event loop without holding a thread while
 * Kafka acknowledges. Nothing decodes the body before the handler: Vert.x's body handler would
 * decode a form and lose the bytes Alipay and others sign; {@link RequestBodies} reads them instead.
 */
public final class WebhookIngressRoutes extends RouteBuilder {

    public static final String TEMPLATE = "webhook-ingress";

    private final ChannelRegistry channels;
    private final WebhookHandler handler;

    public WebhookIngressRoutes(ChannelRegistry channels, WebhookHandler handler) {
        this.channels = channels;
        this.handler = handler;
    }

    @Override
    public void configure() {
        if (getContext().hasComponent(WebhookComponent.SCHEME) == null) {
            getContext().addComponent(WebhookComponent.SCHEME, new WebhookComponent());
        }
        routeTemplate(TEMPLATE)
                .templateParameter("channelId")
                .from(WebhookComponent.SCHEME + ":{{channelId}}")
                .setProperty(WebhookHandler.CHANNEL_PROPERTY, constant("{{channelId}}"))
                .process(handler);

        for (ChannelRegistry.Channel channel : channels.channels()) {
            templatedRoute(TEMPLATE)
                    .routeId("webhook-" + channel.id())
                    .parameter("channelId", channel.id());
        }
    }
}
