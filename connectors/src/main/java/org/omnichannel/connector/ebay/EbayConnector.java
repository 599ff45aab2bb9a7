package org.omnichannel.connector.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.Connector;
import org.omnichannel.connector.spi.ConnectorResponse;
import org.omnichannel.connector.spi.FetchSource;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.MappingResult;
import org.omnichannel.connector.spi.OutboundMessage;
import org.omnichannel.connector.spi.OutboundRequest;
import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.connector.spi.Verification;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * eBay's Notification API endpoint (https://developer.ebay.com/api-docs/commerce/notification/overview.html), the
 * legacy Trading API platform notifications (SOAP) as order triggers, and the Fulfillment API as the order source.
 *
 * <p><b>Two kinds of POST on one URL.</b> A request with a {@code SOAPAction} header or an XML Content-Type is a
 * platform notification ({@link EbayPlatformNotification}): verified by {@link EbayNotificationSignature}
 * (MD5 over the body's Timestamp and the channel's keyset secrets {@code devId}, {@code appId}, {@code certId},
 * Timestamp within the tolerance), and mapped to no event but a skip {@code SUMMARY_ONLY}: the hub asks
 * {@link #fetchSource()} which orders it names and fetches each from the Fulfillment API ({@link EbayFetchSource}).
 * Everything else is a Notification API request, as below.
 *
 * <p><b>Endpoint validation.</b> eBay calls {@code GET <endpoint>?challenge_code=...}; {@link #handshake}
 * answers 200 {@code {"challengeResponse":"<hex>"}}, the lower-case hex SHA-256 of challengeCode +
 * verificationToken (the channel's secret {@code verificationToken}) + endpoint URL (the channel's setting
 * {@code endpointUrl}, exactly as registered with eBay).
 *
 * <p><b>Verification.</b> {@code X-EBAY-SIGNATURE} is Base64 of {@code {"alg":"ecdsa","kid","signature","digest"}};
 * the key is fetched by kid through the {@link EbayPublicKeys} port (by default eBay's getPublicKey,
 * cached an hour, an unseen kid fetched at once). The DER ECDSA signature is checked over the raw body; if
 * that fails, over the body re-serialised compactly in its own key order, which is what eBay's Node SDK
 * verifies ({@code JSON.stringify} of the parsed message). An unknown kid, a digest other than SHA1/SHA256 or a
 * bad signature is a rejection; a key that cannot be fetched now is an {@link EbayApiException}, so the hub
 * answers 5xx and eBay delivers again. eBay signs no time, so a replay is caught by the eventId (eBay's
 * {@code notificationId}).
 *
 * <p><b>Mapping.</b> {@code MARKETPLACE_ACCOUNT_DELETION} → an erase request ({@link EbayAccountDeletionMapper});
 * other topics are acknowledged and reported unsupported. <b>Outbound</b>: stock levels through the Inventory
 * API ({@link EbayOutbound}).
 */
public final class EbayConnector implements Connector {

    public static final String SYSTEM = "ebay";
    public static final String SIGNATURE_HEADER = "X-EBAY-SIGNATURE";
    static final String ACCOUNT_DELETION = "MARKETPLACE_ACCOUNT_DELETION";
    /** eBay expects a plain 200 OK to a platform notification, else it redelivers. */
    static final ConnectorResponse PLATFORM_ACK = new ConnectorResponse(200, null, null);
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9._~-]{1,200}");

    private final EbayPublicKeys keys;
    private final EbayOAuthTokens tokens;
    private final EbayFetchSource fetchSource;
    private final Clock clock;

    public EbayConnector() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Clock.systemUTC());
    }

    private EbayConnector(HttpClient http, Clock clock) {
        this(http, new EbayOAuthTokens(http, null, clock), clock);
    }

    private EbayConnector(HttpClient http, EbayOAuthTokens tokens, Clock clock) {
        this(new CachingEbayPublicKeys(new HttpEbayPublicKeys(http, tokens, null)), tokens,
                new EbayFulfillmentClient(http, tokens, null, clock), clock);
    }

    public EbayConnector(EbayPublicKeys keys, EbayOAuthTokens tokens) {
        this(keys, tokens, new EbayFulfillmentClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                tokens, null, Clock.systemUTC()), Clock.systemUTC());
    }

    /** Everything given: tests pass a fulfillment client on a local base and their own clock. */
    public EbayConnector(EbayPublicKeys keys, EbayOAuthTokens tokens, EbayFulfillmentClient fulfillment, Clock clock) {
        this.keys = keys;
        this.tokens = tokens;
        this.fetchSource = new EbayFetchSource(fulfillment);
        this.clock = clock;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Optional<ConnectorResponse> handshake(InboundRequest request, ChannelContext channel) {
        String challenge = request.queryParam("challenge_code");
        if (!request.method().equals("GET") || challenge == null) {
            return Optional.empty();
        }
        if (!CHALLENGE.matcher(challenge).matches()) {
            return Optional.of(ConnectorResponse.text(400, "challenge_code is not a plain token"));
        }
        String token = channel.secrets().require("verificationToken");
        String endpoint = channel.requiredSetting("endpointUrl");
        String hash = challengeResponse(challenge, token, endpoint);
        return Optional.of(ConnectorResponse.json(200, "{\"challengeResponse\":\"" + hash + "\"}"));
    }

    /** Lower-case hex SHA-256 of challengeCode + verificationToken + endpoint. */
    static String challengeResponse(String challengeCode, String verificationToken, String endpoint) {
        return Signatures.sha256Hex((challengeCode + verificationToken + endpoint).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Verification verify(InboundRequest request, ChannelContext channel) {
        if (EbayPlatformNotification.isSoap(request)) {
            EbayPlatformNotification notification;
            try {
                notification = EbayPlatformNotification.parse(request);
            } catch (BadPayloadException e) {
                return Verification.rejected("ebay platform notification cannot be verified: " + e.getMessage());
            }
            return EbayNotificationSignature.verify(notification, channel, clock.instant());
        }
        String header = request.header(SIGNATURE_HEADER);
        if (header == null || header.isBlank()) {
            return Verification.rejected("missing " + SIGNATURE_HEADER + " header");
        }
        Optional<EbaySignatureHeader> parsed = EbaySignatureHeader.parse(header.trim());
        if (parsed.isEmpty()) {
            return Verification.rejected(SIGNATURE_HEADER + " is not Base64 of {alg: ecdsa, kid, signature, digest}");
        }
        EbaySignatureHeader signature = parsed.get();
        String algorithm = EbaySignatureHeader.jcaAlgorithm(signature.digest());
        if (algorithm == null) {
            return Verification.rejected(SIGNATURE_HEADER + " digest '" + signature.digest() + "' is not SHA1 or SHA256");
        }
        Optional<EbayPublicKey> key = keys.find(signature.kid(), channel);
        if (key.isEmpty()) {
            return Verification.rejected(SIGNATURE_HEADER + " names kid '" + signature.kid() + "', which eBay does not know");
        }
        if (key.get().digest() != null && !key.get().digest().equals(signature.digest())) {
            return Verification.rejected(SIGNATURE_HEADER + " digest " + signature.digest() + " differs from the key's "
                    + key.get().digest());
        }
        if (verifies(algorithm, key.get(), signature.signature(), request.body())
                || verifies(algorithm, key.get(), signature.signature(), compact(request.body()))) {
            return Verification.ok();
        }
        return Verification.rejected(SIGNATURE_HEADER + " does not match the body");
    }

    private static boolean verifies(String algorithm, EbayPublicKey key, byte[] signature, byte[] data) {
        if (data == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key.key());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a malformed DER signature is a mismatch, not an error
        }
    }

    /** The body re-serialised compactly in its own key order, or null when it is not JSON. */
    private static byte[] compact(byte[] body) {
        try {
            return JsonBodies.mapper().writeValueAsBytes(JsonBodies.mapper().readTree(body));
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @Override
    public MappingResult map(InboundRequest request, ChannelContext channel) {
        if (EbayPlatformNotification.isSoap(request)) {
            return mapPlatformNotification(EbayPlatformNotification.parse(request));
        }
        JsonNode body = JsonBodies.object(request, "ebay notification");
        String topic = JsonBodies.requireText(JsonBodies.requireObject(body, "metadata", "body"), "topic", "metadata");
        JsonNode notification = JsonBodies.requireObject(body, "notification", "body");
        if (!ACCOUNT_DELETION.equals(topic)) {
            return MappingResult.unsupported("ebay topic '" + topic + "' (notification "
                    + JsonBodies.text(notification, "notificationId") + ") is not mapped; mapped topics: " + ACCOUNT_DELETION);
        }
        return MappingResult.of(EbayAccountDeletionMapper.map(notification, channel, request.receivedAt()));
    }

    /**
     * A platform notification carries no order the hub may trust (its signature covers only the Timestamp), so it
     * maps to no event: one naming orders is {@code SUMMARY_ONLY} (the hub fetches them through
     * {@link #fetchSource()}), one naming none is unsupported. Both are acknowledged 200, as eBay expects.
     */
    private static MappingResult mapPlatformNotification(EbayPlatformNotification notification) {
        if (notification.orderIds().isEmpty()) {
            return MappingResult.skipped(MappingResult.SkipReason.UNSUPPORTED_TYPE, "ebay platform notification "
                    + notification.describe() + " names no order; only notifications naming orders (FixedPriceTransaction,"
                    + " ItemSold, AuctionCheckoutComplete...) are used", PLATFORM_ACK);
        }
        return MappingResult.skipped(MappingResult.SkipReason.SUMMARY_ONLY, "ebay platform notification "
                + notification.describe() + " names order(s) " + String.join(", ", notification.orderIds())
                + "; they are fetched from the Fulfillment API", PLATFORM_ACK);
    }

    @Override
    public Optional<FetchSource> fetchSource() {
        return Optional.of(fetchSource);
    }

    @Override
    public List<OutboundRequest> outbound(OutboundMessage message, ChannelContext channel) {
        if (!(message instanceof OutboundMessage.StockLevel stock)) {
            return List.of();
        }
        return List.of(EbayOutbound.stock(List.of(stock), channel, tokens.userToken(channel, EbayOAuthTokens.INVENTORY_SCOPE)));
    }
}
