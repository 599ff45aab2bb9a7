package org.omnichannel.connector.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connector;
import org.omnichannel.connector.spi.FetchSource;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.OutboundMessage;
import org.omnichannel.connector.spi.OutboundRequest;
import org.omnichannel.connector.spi.Verification;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Amazon Selling Partner API notifications, delivered to an Amazon SQS queue (not HTTP).
 *
 * <p><b>Verification.</b> SP-API signs nothing: authenticity comes from AWS IAM (the queue policy lets only
 * SP-API send, the hub reads with its own credentials). So the hub hands each SQS message over as an
 * {@link InboundRequest} with method {@value #SQS_METHOD} (body = the message body), and {@link #verify}
 * accepts only those: an HTTP request claiming to be an SP-API notification is refused. When the channel has
 * the setting {@code applicationId}, a notification for another application is refused too.
 *
 * <p><b>Mapping.</b>
 * <ul>
 *   <li>{@code ORDER_CHANGE}: the notification has no prices, buyer or address, so it maps to no event
 *       (skip SUMMARY_ONLY); the hub takes {@link AmazonOrderRef#of} and fetches with {@link AmazonOrderFetcher}
 *       (the fetch-on-notify contract).</li>
 *   <li>{@code LISTINGS_ITEM_MFN_QUANTITY_CHANGE}, {@code ITEM_INVENTORY_EVENT_CHANGE} → STOCK_ADJUSTED
 *       ({@link AmazonStockMapper}).</li>
 *   <li>Anything else is acknowledged and reported unsupported.</li>
 * </ul>
 * <b>Fetch</b>: {@link #fetchSource()} is the hub's seam for both ({@link AmazonFetchSource}).
 * <b>Outbound</b>: a stock level → patchListingsItem ({@link AmazonListingsOutbound}), with an LWA token.
 */
public final class AmazonConnector implements Connector {

    public static final String SYSTEM = "amazon-sp-api";
    /** The method of an InboundRequest that the hub built from an SQS message. */
    public static final String SQS_METHOD = "SQS";
    static final String ORDER_CHANGE = "ORDER_CHANGE";
    static final String MFN_QUANTITY = "LISTINGS_ITEM_MFN_QUANTITY_CHANGE";
    static final String INVENTORY_EVENT = "ITEM_INVENTORY_EVENT_CHANGE";

    /** Calls per SP-API operation before a throttled or failing call is reported to the hub. */
    static final int MAX_ATTEMPTS = 5;

    private final HttpClient http;
    private final LwaTokens lwa;
    private final Function<ChannelContext, SpApiEndpoints> endpoints;
    private volatile AmazonFetchSource fetchSource;

    public AmazonConnector() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    private AmazonConnector(HttpClient http) {
        this(http, new LwaTokens(http, Clock.systemUTC()), SpApiEndpoints::of);
    }

    public AmazonConnector(LwaTokens lwa, Function<ChannelContext, SpApiEndpoints> endpoints) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), lwa, endpoints);
    }

    private AmazonConnector(HttpClient http, LwaTokens lwa, Function<ChannelContext, SpApiEndpoints> endpoints) {
        this.http = http;
        this.lwa = lwa;
        this.endpoints = endpoints;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Verification verify(InboundRequest request, ChannelContext channel) {
        if (!SQS_METHOD.equals(request.method())) {
            return Verification.rejected("SP-API notifications arrive through SQS, never as HTTP " + request.method()
                    + "; this request is not from Amazon");
        }
        Optional<String> application = channel.setting("applicationId");
        if (application.isPresent()) {
            String sent = applicationOf(request);
            if (sent != null && !sent.equals(application.get())) {
                return Verification.rejected("notification is for application '" + sent + "' but the channel is for '"
                        + application.get() + "'");
            }
        }
        return Verification.ok();
    }

    @Override
    public MappingResult map(InboundRequest request, ChannelContext channel) {
        AmazonNotification notification = AmazonNotification.of(JsonBodies.object(request, "amazon notification"));
        return switch (notification.type()) {
            case ORDER_CHANGE -> {
                AmazonOrderRef ref = AmazonOrderRef.of(notification);
                yield MappingResult.skipped(MappingResult.SkipReason.SUMMARY_ONLY, notification.describe() + ": order "
                        + ref.amazonOrderId() + " (marketplace " + ref.marketplaceId() + ") is fetched from the Orders API");
            }
            case MFN_QUANTITY -> MappingResult.of(AmazonStockMapper.mfnQuantity(notification, channel, request.receivedAt()));
            case INVENTORY_EVENT -> MappingResult.of(AmazonStockMapper.inventoryEvents(notification, channel, request.receivedAt()));
            default -> MappingResult.unsupported(notification.describe() + " is not mapped; mapped types: "
                    + String.join(", ", ORDER_CHANGE, MFN_QUANTITY, INVENTORY_EVENT));
        };
    }

    @Override
    public List<OutboundRequest> outbound(OutboundMessage message, ChannelContext channel) {
        if (!(message instanceof OutboundMessage.StockLevel stock)) {
            return List.of();
        }
        SpApiEndpoints where = endpoints.apply(channel);
        return List.of(AmazonListingsOutbound.stock(stock, channel, where, lwa.accessToken(channel, where)));
    }

    /**
     * The Orders API side (fetch-on-notify and the getOrders poll): one {@link AmazonFetchSource} per connector,
     * built on first use, so every channel of a hub shares one client (its rate-limit buckets and its LWA token
     * cache, which is kept per channel). Endpoints come from each channel ({@link SpApiEndpoints#of}).
     */
    @Override
    public Optional<FetchSource> fetchSource() {
        AmazonFetchSource source = fetchSource;
        if (source == null) {
            synchronized (this) {
                source = fetchSource;
                if (source == null) {
                    source = new AmazonFetchSource(new AmazonOrdersClient(http, lwa, endpoints, Clock.systemUTC(),
                            Sleeper.THREAD, MAX_ATTEMPTS));
                    fetchSource = source;
                }
            }
        }
        return Optional.of(source);
    }

    private static String applicationOf(InboundRequest request) {
        try {
            JsonNode body = JsonBodies.object(request, "amazon notification");
            return AmazonNotification.textOf(AmazonNotification.either(AmazonNotification.either(body, "NotificationMetadata"),
                    "ApplicationId"));
        } catch (RuntimeException e) {
            return null; // map() reports the bad body with its reason
        }
    }
}
