package org.omnichannel.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.PaymentMethod;
import org.omnichannel.core.event.PaymentPayload;

import java.util.Locale;

/**
 * {@code payment_intent.succeeded} → PAYMENT_CAPTURED of {@code amount_received}. The order it pays
 * for is the metadata value named by the setting {@code orderIdMetadataKey} (default {@code order_id}).
 * Identities: the Stripe customer, the receipt e-mail, and the card fingerprint when the charge is in
 * the event (API versions before 2022-11-15 embed {@code charges.data}; later ones send
 * {@code latest_charge} as an id only, and then there is no fingerprint to take).
 */
final class StripePaymentMapper {

    private StripePaymentMapper() {
    }

    static ChannelEvent map(StripeEnvelope event) {
        JsonNode intent = event.object();
        String id = JsonBodies.requireText(intent, "id", "payment_intent");
        String status = JsonBodies.text(intent, "status");
        String currency = StripeEnvelope.currency(intent, "payment_intent");
        Money received = StripeEnvelope.money(intent, "amount_received", currency, "payment_intent");
        if (!"succeeded".equals(status) || received.amountMinor() <= 0) {
            throw new BadPayloadException("payment_intent " + id + " is in a payment_intent.succeeded event but has status '"
                    + status + "' and amount_received " + received.amountMinor() + ": nothing was captured");
        }
        ChannelEvent.Builder builder = event.event(EventType.PAYMENT_CAPTURED, "payment", id);
        String customer = JsonBodies.text(intent, "customer");
        if (customer != null) {
            builder.identity(StripeEnvelope.customer(customer));
        }
        builder.identity(IdentityType.EMAIL, JsonBodies.text(intent, "receipt_email"));
        JsonNode charge = charge(intent);
        String fingerprint = JsonBodies.text(charge.path("payment_method_details").path("card"), "fingerprint");
        if (fingerprint != null) {
            builder.identity(StripeEnvelope.fingerprint(fingerprint));
        }
        String chargeType = JsonBodies.text(charge.path("payment_method_details"), "type");
        JsonNode types = intent.path("payment_method_types");
        String type = chargeType != null ? chargeType : types.size() == 1 ? types.get(0).asText() : null;
        String orderKey = event.channel().setting("orderIdMetadataKey").orElse("order_id");
        return builder.payload(new PaymentPayload(id, JsonBodies.text(intent.path("metadata"), orderKey), received,
                        method(type), StripeConnector.SYSTEM))
                .build();
    }

    /** The charge embedded in the intent (old {@code charges.data[0]} or an expanded {@code latest_charge}), or a missing node. */
    private static JsonNode charge(JsonNode intent) {
        JsonNode latest = intent.path("latest_charge");
        if (latest.isObject()) {
            return latest;
        }
        return intent.path("charges").path("data").path(0);
    }

    /** Stripe's payment method type ({@code card}, {@code alipay}, {@code wechat_pay}...) as ours. */
    static PaymentMethod method(String type) {
        if (type == null) {
            return PaymentMethod.OTHER;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "card", "card_present", "interac_present" -> PaymentMethod.CARD;
            case "alipay" -> PaymentMethod.ALIPAY;
            case "wechat_pay" -> PaymentMethod.WECHAT_PAY;
            case "paypal" -> PaymentMethod.PAYPAL;
            case "link", "cashapp", "amazon_pay", "revolut_pay", "grabpay", "kakao_pay", "naver_pay" -> PaymentMethod.WALLET;
            case "customer_balance", "sepa_debit", "us_bank_account", "bacs_debit", "au_becs_debit", "ach_credit_transfer",
                 "ach_debit", "acss_debit" -> PaymentMethod.BANK_TRANSFER;
            default -> PaymentMethod.OTHER;
        };
    }
}
