package org.omnichannel.hub.ingress;

import org.apache.camel.builder.RouteBuilder;
import org.omnichannel.hub.channel.ChannelRegistry;

/**
 * One ingress route per enabled channel, {@code webhook-<channelId>}, all made from the route
 * template {@value #TEMPLATE}: a new channel is a few lines in the channels file, no code.
 * The platform-http endpoint does not read the body ({@code useBodyHandler=false}): Vert.x's body
 * handler would decode a form and lose the bytes Alipay and others sign; {@link RequestBodies}
 * reads them instead.
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
        routeTemplate(TEMPLATE)
                .templateParameter("channelId")
                .from("platform-http:/webhooks/{{channelId}}?httpMethodRestrict=GET,POST&useBodyHandler=false")
                .setProperty(WebhookHandler.CHANNEL_PROPERTY, constant("{{channelId}}"))
                .process(handler);

        for (ChannelRegistry.Channel channel : channels.channels()) {
            templatedRoute(TEMPLATE)
                    .routeId("webhook-" + channel.id())
                    .parameter("channelId", channel.id());
        }
    }
}
