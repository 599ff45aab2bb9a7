package org.omnichannel.connector.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.ChannelContext;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.core.event.Address;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.EventType;
import org.omnichannel.core.event.FacilityRef;
import org.omnichannel.core.event.FulfilmentMode;
import org.omnichannel.core.event.Identity;
import org.omnichannel.core.event.IdentityType;
import org.omnichannel.core.event.Money;
import org.omnichannel.core.event.OrderLine;
import org.omnichannel.core.event.OrderPayload;
import org.omnichannel.core.event.PersonDetails;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A Fulfillment API {@code Order} (field names as in eBay's reference, https://developer.ebay.com/api-docs/sell/fulfillment/types/sel:Order)
 * → one order event.
 *
 * <p><b>Type and id.</b> {@code cancelStatus.cancelState} {@code CANCELED} → ORDER_CANCELLED;
 * {@code orderFulfillmentStatus} {@code NOT_STARTED} with no cancellation → ORDER_PLACED; anything else (being
 * shipped, shipped, a cancellation requested) → ORDER_UPDATED. The eventId is derived from the channel, the
 * {@code orderId} and {@code lastModifiedDate}: a platform notification delivered twice, a retry, or the poll
 * finding the same order give one event; every real change moves lastModifiedDate and gives a new one. The back
 * office upserts by orderId.
 *
 * <p><b>Buyer.</b> {@code buyer.username} is a MARKETPLACE_BUYER_ID, verified (eBay issued it), in namespace
 * {@value EbayAccountDeletionMapper#NAMESPACE_USERNAME}: the namespace the account-deletion erase request names
 * usernames in, so an erase finds the fan an order created. {@code buyer.buyerRegistrationAddress.email} (eBay's
 * masked relay address) is an unverified EMAIL; its {@code fullName} and the ship-to are the person's details.
 *
 * <p><b>Money, exact, in {@code pricingSummary.total.currency}.</b> Lines by {@code sku} (a line without one is
 * product {@code ebay:item:<legacyItemId>}); {@code lineItemCost} is unit × quantity before discounts, the line
 * total is {@code discountedLineItemCost} when eBay gives one, else lineItemCost; the unit price is lineItemCost /
 * quantity, rounded half-even to the currency only when it does not divide. Subtotal = {@code priceSubtotal};
 * discounts = −({@code priceDiscount} + {@code deliveryDiscount}) (eBay reports them negative); shipping =
 * {@code deliveryCost}; tax = {@code tax}; grand total = {@code total}. An amount in another currency is a
 * {@link BadPayloadException}.
 *
 * <p><b>Fulfilment.</b> From {@code fulfillmentStartInstructions[0]}: {@code shippingStep.shipTo} is the shipping
 * address; {@code PREPARE_FOR_PICKUP} is PICKUP_IN_STORE at {@code pickupStep.merchantLocationKey}; {@code DIGITAL}
 * is DIGITAL; anything else SHIP.
 */
final class EbayOrderMapper {

    private EbayOrderMapper() {
    }

    static ChannelEvent map(JsonNode order, ChannelContext channel, Instant receivedAt) {
        String id = JsonBodies.requireText(order, "orderId", "order");
        Instant modified = JsonBodies.requireInstant(order, "lastModifiedDate", "order " + id);
        String fulfilment = JsonBodies.text(order, "orderFulfillmentStatus");
        String cancelState = JsonBodies.text(JsonBodies.child(order, "cancelStatus"), "cancelState");
        boolean cancelled = "CANCELED".equals(cancelState);
        EventType type = cancelled ? EventType.ORDER_CANCELLED
                : "NOT_STARTED".equals(fulfilment) && (cancelState == null || "NONE_REQUESTED".equals(cancelState))
                ? EventType.ORDER_PLACED : EventType.ORDER_UPDATED;
        ChannelEvent.Builder event = ChannelEvent.builder()
                .channel(channel.channelId(), channel.kind(), EbayConnector.SYSTEM)
                .externalId("order", id, modified.toString())
                .type(type)
                .occurredAt(modified)
                .receivedAt(receivedAt);
        JsonNode buyer = JsonBodies.child(order, "buyer");
        String username = JsonBodies.text(buyer, "username");
        if (username != null) {
            event.identity(new Identity(IdentityType.MARKETPLACE_BUYER_ID, username,
                    EbayAccountDeletionMapper.NAMESPACE_USERNAME, true));
        }
        JsonNode registration = JsonBodies.child(buyer, "buyerRegistrationAddress");
        String email = JsonBodies.text(registration, "email");
        if (email != null) {
            event.identity(Identity.of(IdentityType.EMAIL, email));
        }
        JsonNode instruction = firstInstruction(order);
        Address shipTo = address(JsonBodies.child(JsonBodies.child(instruction, "shippingStep"), "shipTo"));
        String name = JsonBodies.text(registration, "fullName");
        if (name != null || shipTo != null) {
            event.person(new PersonDetails(name, null, null, null, null, null, shipTo));
        }
        return event.payload(payload(order, id, cancelled ? cancelState : fulfilment, instruction, shipTo)).build();
    }

    private static OrderPayload payload(JsonNode order, String id, String status, JsonNode instruction, Address shipTo) {
        JsonNode pricing = JsonBodies.requireObject(order, "pricingSummary", "order " + id);
        String currency = JsonBodies.requireText(JsonBodies.requireObject(pricing, "total", "order " + id + " pricingSummary"),
                "currency", "order " + id + " pricingSummary.total");
        List<OrderLine> lines = new ArrayList<>();
        JsonNode items = order.path("lineItems");
        for (int i = 0; i < items.size(); i++) {
            lines.add(line(items.get(i), "order " + id + " lineItems[" + i + "]", currency));
        }
        String where = "order " + id + " pricingSummary";
        Money discounts = money(pricing, "priceDiscount", where, currency).plus(money(pricing, "deliveryDiscount", where, currency))
                .negate();
        FulfilmentMode mode = switch (String.valueOf(JsonBodies.text(instruction, "fulfillmentInstructionsType"))) {
            case "PREPARE_FOR_PICKUP" -> FulfilmentMode.PICKUP_IN_STORE;
            case "DIGITAL" -> FulfilmentMode.DIGITAL;
            default -> FulfilmentMode.SHIP;
        };
        FacilityRef pickup = null;
        if (mode == FulfilmentMode.PICKUP_IN_STORE) {
            String location = JsonBodies.requireText(JsonBodies.requireObject(instruction, "pickupStep",
                    "order " + id + " fulfillmentStartInstructions[0]"), "merchantLocationKey",
                    "order " + id + " fulfillmentStartInstructions[0].pickupStep");
            pickup = new FacilityRef(location, null);
        }
        return new OrderPayload(id, null, status, currency, lines, money(pricing, "priceSubtotal", where, currency),
                discounts.isZero() ? null : discounts, money(pricing, "deliveryCost", where, currency),
                money(pricing, "tax", where, currency), money(pricing, "total", where, currency), null, shipTo, mode,
                pickup, null);
    }

    private static OrderLine line(JsonNode item, String where, String currency) {
        String lineId = JsonBodies.requireText(item, "lineItemId", where);
        BigDecimal quantity = JsonBodies.requireDecimal(item, "quantity", where);
        if (quantity.signum() <= 0) {
            throw new BadPayloadException(where + " quantity is " + quantity.toPlainString() + "; eBay sends 1 or more");
        }
        if (item.get("lineItemCost") == null) {
            throw new BadPayloadException(where + " has no lineItemCost");
        }
        Money cost = money(item, "lineItemCost", where, currency);
        Money total = item.get("discountedLineItemCost") == null ? cost : money(item, "discountedLineItemCost", where, currency);
        Money discount = cost.minus(total);
        BigDecimal decimal = cost.toDecimal();
        Money unit = Money.of(decimal.divide(quantity, decimal.scale(), RoundingMode.HALF_EVEN), currency);
        String sku = JsonBodies.text(item, "sku");
        String product = sku != null ? null : "ebay:item:" + JsonBodies.requireText(item, "legacyItemId", where + " (no sku)");
        return new OrderLine(lineId, sku, product, JsonBodies.text(item, "title"), quantity, unit,
                discount.isZero() ? null : discount, total);
    }

    /** An eBay {@code Amount} ({@code {"value":"12.50","currency":"USD"}}) in the order's currency; zero when absent. */
    private static Money money(JsonNode parent, String field, String where, String currency) {
        return JsonBodies.money(parent, field, "currency", "value", where, currency);
    }

    private static JsonNode firstInstruction(JsonNode order) {
        JsonNode instructions = order.path("fulfillmentStartInstructions");
        return instructions.isArray() && instructions.size() > 0 ? instructions.get(0) : null;
    }

    /** An eBay {@code ExtendedContact} (fullName, contactAddress, primaryPhone) as an address, or null. */
    static Address address(JsonNode contact) {
        if (contact == null || !contact.isObject()) {
            return null;
        }
        JsonNode address = JsonBodies.child(contact, "contactAddress");
        return new Address(JsonBodies.text(contact, "fullName"), JsonBodies.text(address, "addressLine1"),
                JsonBodies.text(address, "addressLine2"), JsonBodies.text(address, "city"),
                JsonBodies.text(address, "stateOrProvince"), JsonBodies.text(address, "postalCode"),
                JsonBodies.text(address, "countryCode"), JsonBodies.text(JsonBodies.child(contact, "primaryPhone"), "phoneNumber"));
    }
}
