package org.omnichannel.ofbiz.order;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;

import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.util.EntityQuery;
import org.apache.ofbiz.service.GenericServiceException;
import org.apache.ofbiz.service.LocalDispatcher;
import org.omnichannel.core.event.ChannelEvent;
import org.omnichannel.core.event.PaymentPayload;
import org.omnichannel.core.event.RefundPayload;

/**
 * Money in and out as OFBiz payments, the way the order manager's "receive offline payment" does
 * it (OrderManagerEvents.receiveOfflinePayment: an OrderPaymentPreference in PAYMENT_RECEIVED,
 * then a received CUSTOMER_PAYMENT tied to it, which is what the order view lists as the order's
 * payments), and a refund as the CUSTOMER_REFUND Payment that OrderReturnServices writes, tied to
 * the order's received preference.
 *
 * <p>{@code createPayment} is called directly rather than through {@code createPaymentFromPreference},
 * which would stamp the store's default currency on a payment in the order's currency. A payment
 * or refund of an order OFBiz does not know is still recorded, as a Payment of the channel's store
 * not tied to an order; a channel without a store records none.
 */
final class PaymentRecorder {

    private final Delegator delegator;
    private final LocalDispatcher dispatcher;
    private final GenericValue systemLogin;

    PaymentRecorder(Delegator delegator, LocalDispatcher dispatcher, GenericValue systemLogin) {
        this.delegator = delegator;
        this.dispatcher = dispatcher;
        this.systemLogin = systemLogin;
    }

    /** Records a captured payment; returns the paymentId, or null when none was due. */
    String captured(ChannelEvent event, PaymentPayload payment, GenericValue order, GenericValue store, String partyId)
            throws GenericEntityException, GenericServiceException {
        String methodType = PaymentMethodTypes.of(payment.method());
        BigDecimal amount = payment.amount().toDecimal();
        String reference = clip(payment.paymentId(), 60);
        if (store == null || recorded("CUSTOMER_PAYMENT", reference, store)) {
            return null;
        }
        String preferenceId = null;
        String payer = partyId;
        if (order != null) {
            Map<String, Object> pref = new HashMap<>();
            pref.put("orderId", order.getString("orderId"));
            pref.put("paymentMethodTypeId", methodType);
            pref.put("maxAmount", amount);
            pref.put("statusId", "PAYMENT_RECEIVED");
            pref.put("manualRefNum", reference);
            pref.put("createdDate", Timestamp.from(event.occurredAt()));
            pref.put("createdByUserLogin", systemLogin.getString("userLoginId"));
            pref.put("userLogin", systemLogin);
            Map<String, Object> created = dispatcher.runSync("createOrderPaymentPreference", pref);
            OfbizResults.require("createOrderPaymentPreference", created);
            preferenceId = (String) created.get("orderPaymentPreferenceId");
            payer = billTo(order, partyId);
        }
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("paymentTypeId", "CUSTOMER_PAYMENT");
        ctx.put("paymentMethodTypeId", methodType);
        ctx.put("paymentPreferenceId", preferenceId);
        ctx.put("partyIdFrom", payer != null ? payer : OrderCreator.ANONYMOUS_PARTY);
        ctx.put("partyIdTo", store.getString("payToPartyId"));
        ctx.put("statusId", "PMNT_RECEIVED");
        ctx.put("effectiveDate", Timestamp.from(event.occurredAt()));
        ctx.put("amount", amount);
        ctx.put("currencyUomId", payment.amount().currency());
        ctx.put("paymentRefNum", reference);
        ctx.put("comments", comment("payment", payment.provider(), event));
        ctx.put("userLogin", systemLogin);
        Map<String, Object> result = dispatcher.runSync("createPayment", ctx);
        OfbizResults.require("createPayment", result);
        return (String) result.get("paymentId");
    }

    /** Records a refund as an outgoing Payment; returns the paymentId, or null when none was due. */
    String refunded(ChannelEvent event, RefundPayload refund, GenericValue order, GenericValue store, String partyId)
            throws GenericEntityException, GenericServiceException {
        String reference = clip(refund.refundId(), 60);
        if (store == null || recorded("CUSTOMER_REFUND", reference, store)) {
            return null;
        }
        String preferenceId = null;
        String methodType = PaymentMethodTypes.OFFLINE;
        String payee = partyId;
        if (order != null) {
            GenericValue paid = EntityQuery.use(delegator).from("OrderPaymentPreference")
                    .where("orderId", order.getString("orderId"), "statusId", "PAYMENT_RECEIVED")
                    .orderBy("orderPaymentPreferenceId").queryFirst();
            if (paid != null) {
                preferenceId = paid.getString("orderPaymentPreferenceId");
                methodType = paid.getString("paymentMethodTypeId");
            }
            payee = billTo(order, partyId);
        }
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("paymentTypeId", "CUSTOMER_REFUND");
        ctx.put("paymentMethodTypeId", methodType);
        ctx.put("paymentPreferenceId", preferenceId);
        ctx.put("partyIdFrom", store.getString("payToPartyId"));
        ctx.put("partyIdTo", payee != null ? payee : OrderCreator.ANONYMOUS_PARTY);
        ctx.put("statusId", "PMNT_SENT");
        ctx.put("effectiveDate", Timestamp.from(event.occurredAt()));
        ctx.put("amount", refund.amount().toDecimal());
        ctx.put("currencyUomId", refund.amount().currency());
        ctx.put("paymentRefNum", reference);
        ctx.put("comments", comment("refund" + (refund.reason() == null ? "" : " (" + refund.reason() + ")"), null, event));
        ctx.put("userLogin", systemLogin);
        Map<String, Object> result = dispatcher.runSync("createPayment", ctx);
        OfbizResults.require("createPayment", result);
        return (String) result.get("paymentId");
    }

    /**
     * True if the store already has this payment or refund (by the channel's id, as paymentRefNum):
     * the channel may report one payment in two events (a webhook and a poll).
     */
    private boolean recorded(String paymentTypeId, String reference, GenericValue store) throws GenericEntityException {
        String payTo = store.getString("payToPartyId");
        return EntityQuery.use(delegator).from("Payment").where("paymentTypeId", paymentTypeId, "paymentRefNum", reference,
                "CUSTOMER_PAYMENT".equals(paymentTypeId) ? "partyIdTo" : "partyIdFrom", payTo).queryFirst() != null;
    }

    /** The order's bill-to customer (the fan who ordered, even if this event named nobody). */
    private String billTo(GenericValue order, String partyId) throws GenericEntityException {
        GenericValue role = EntityQuery.use(delegator).from("OrderRole")
                .where("orderId", order.getString("orderId"), "roleTypeId", "BILL_TO_CUSTOMER").queryFirst();
        return role != null ? role.getString("partyId") : partyId;
    }

    private static String comment(String what, String provider, ChannelEvent event) {
        return clip(what + " from channel " + event.channelId() + (provider == null ? "" : " via " + provider)
                + ", event " + event.eventId(), 255);
    }

    private static String clip(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
