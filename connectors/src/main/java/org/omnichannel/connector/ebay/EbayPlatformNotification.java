package org.omnichannel.connector.ebay;

import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.connector.spi.InboundRequest;
import org.omnichannel.connector.spi.JsonBodies;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/**
 * One legacy Trading API <em>platform notification</em>: a SOAP 1.1 envelope eBay POSTs to the URL set with
 * {@code SetNotificationPreferences} (https://developer.ebay.com/api-docs/static/platform-notifications-landing.html).
 * The header's {@code RequesterCredentials/NotificationSignature} signs the body's {@code Timestamp}
 * (https://developer.ebay.com/support/kb-article?KBid=1201); the body is the response of the Trading call the
 * event corresponds to, e.g. {@code GetItemTransactionsResponse} for FixedPriceTransaction
 * (https://developer.ebay.com/api-docs/static/pn_fixed-price-transaction.html), with
 * {@code NotificationEventName} naming the event.
 *
 * <p>Only what the connector needs is kept: the event name, the signed timestamp as sent, the signature and the
 * order ids the notification names ({@code Transaction/ContainingOrder/OrderID}, {@code Transaction/ExtendedOrderID},
 * {@code Order/OrderID}: the order ids the Fulfillment API's getOrder takes). Everything else (buyer, prices) is
 * read from the Fulfillment API instead, because the signature covers only the timestamp and the keyset, not the
 * body.
 *
 * <p>The XML is read with DOCTYPEs refused, so no external entity, no entity expansion and no DTD fetch can be
 * smuggled in (an XXE payload is a {@link BadPayloadException}).
 *
 * @param eventName the NotificationEventName (FixedPriceTransaction, ItemSold, AuctionCheckoutComplete...)
 * @param timestamp the body's Timestamp exactly as sent (the signature is computed over this text)
 * @param signature the NotificationSignature, or null when the header has none
 * @param orderIds  the order ids named, in document order, without repeats
 */
record EbayPlatformNotification(String eventName, String timestamp, String signature, List<String> orderIds) {

    /** eBay's Trading API namespace. */
    static final String EBL = "urn:ebay:apis:eBLBaseComponents";
    static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";

    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(EbayPlatformNotification::newBuilder);

    EbayPlatformNotification {
        orderIds = List.copyOf(orderIds);
    }

    /**
     * Whether a request is a platform notification rather than a Notification API (JSON) one: a SOAPAction header,
     * or an XML media type. The JSON notifications come as application/json with X-EBAY-SIGNATURE.
     */
    static boolean isSoap(InboundRequest request) {
        String type = request.mediaType();
        return request.header("SOAPAction") != null || type.equals("text/xml") || type.equals("application/soap+xml")
                || type.equals("application/xml");
    }

    /** Reads the envelope; the message of a {@link BadPayloadException} says what is missing or wrong. */
    static EbayPlatformNotification parse(InboundRequest request) {
        byte[] body = request.body();
        if (body.length == 0) {
            throw new BadPayloadException("ebay platform notification has an empty body; expected a SOAP envelope");
        }
        if (body.length > JsonBodies.MAX_BODY_BYTES) {
            throw new BadPayloadException("ebay platform notification body is " + body.length + " bytes; the limit is "
                    + JsonBodies.MAX_BODY_BYTES);
        }
        Document document;
        try {
            DocumentBuilder builder = BUILDER.get();
            builder.reset();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // fatal errors still throw
            document = builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException e) {
            throw new BadPayloadException("ebay platform notification is not well-formed XML without a DOCTYPE: "
                    + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("reading XML from memory failed", e);
        }
        Element envelope = document.getDocumentElement();
        if (!SOAP_ENV.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
            throw new BadPayloadException("ebay platform notification root is <" + envelope.getTagName()
                    + ">, expected a SOAP 1.1 Envelope");
        }
        Element soapBody = child(envelope, SOAP_ENV, "Body");
        Element response = soapBody == null ? null : firstElement(soapBody);
        if (response == null) {
            throw new BadPayloadException("ebay platform notification has no SOAP Body content");
        }
        String timestamp = text(child(response, EBL, "Timestamp"));
        if (timestamp == null) {
            throw new BadPayloadException("ebay platform notification " + response.getLocalName() + " has no Timestamp");
        }
        String event = text(child(response, EBL, "NotificationEventName"));
        if (event == null) {
            event = fromSoapAction(request.header("SOAPAction"));
        }
        if (event == null) {
            throw new BadPayloadException("ebay platform notification names no NotificationEventName and no SOAPAction");
        }
        Element header = child(envelope, SOAP_ENV, "Header");
        Element credentials = header == null ? null : child(header, EBL, "RequesterCredentials");
        String signature = credentials == null ? null : text(child(credentials, EBL, "NotificationSignature"));
        return new EbayPlatformNotification(event, timestamp, signature, orderIds(response));
    }

    /** The event from a SOAPAction such as {@code "http://developer.ebay.com/notification/FixedPriceTransaction"}. */
    private static String fromSoapAction(String action) {
        if (action == null) {
            return null;
        }
        String trimmed = action.replace("\"", "").trim();
        int slash = trimmed.lastIndexOf('/');
        String name = slash < 0 ? trimmed : trimmed.substring(slash + 1);
        return name.isBlank() ? null : name;
    }

    private static List<String> orderIds(Element response) {
        Set<String> ids = new LinkedHashSet<>();
        NodeList transactions = response.getElementsByTagNameNS(EBL, "Transaction");
        for (int i = 0; i < transactions.getLength(); i++) {
            Element transaction = (Element) transactions.item(i);
            add(ids, text(child(child(transaction, EBL, "ContainingOrder"), EBL, "OrderID")));
            add(ids, text(child(transaction, EBL, "ExtendedOrderID")));
        }
        NodeList orders = response.getElementsByTagNameNS(EBL, "Order");
        for (int i = 0; i < orders.getLength(); i++) {
            add(ids, text(child((Element) orders.item(i), EBL, "OrderID")));
        }
        return List.copyOf(ids);
    }

    private static void add(Set<String> ids, String id) {
        if (id != null) {
            ids.add(id);
        }
    }

    private static Element child(Element parent, String namespace, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        String value = element.getTextContent().strip();
        return value.isEmpty() ? null : value;
    }

    /** A short, log-safe description: event and timestamp (ids only, no personal data). */
    String describe() {
        return eventName + " of " + timestamp;
    }

    /** True for the events that mean an order was created or changed (the ones worth fetching). */
    boolean namesOrders() {
        return !orderIds.isEmpty();
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser could not be set up securely", e);
        }
    }
}
