package org.omnichannel.connector.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.BadPayloadException;
import org.omnichannel.core.event.ChannelEventJson;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/**
 * One official-account push as field name → text: the {@code <xml>} children of the XML format or the
 * top-level members of the JSON format (both carry the same names: ToUserName, FromUserName,
 * CreateTime, MsgType, Event, EventKey, Content, MsgId...). XML is read with DOCTYPEs and external
 * entities refused, so a push cannot make the hub read files or expand entity bombs.
 */
record WechatMessage(Map<String, String> fields) {

    /** Builders are not thread-safe and costly to create: one per thread, reset before each use. */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(WechatMessage::newBuilder);

    WechatMessage {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    static WechatMessage parse(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("<")) {
            return xml(trimmed);
        }
        if (trimmed.startsWith("{")) {
            return json(trimmed);
        }
        throw new BadPayloadException("WeChat push is neither XML nor JSON");
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(fields.get(name)).filter(v -> !v.isBlank());
    }

    String require(String name) {
        return get(name).orElseThrow(() -> new BadPayloadException("WeChat push has no " + name));
    }

    private static WechatMessage xml(String text) {
        Document document;
        try {
            DocumentBuilder builder = BUILDER.get();
            builder.reset();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // no stderr noise; fatal errors throw
            document = builder.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (SAXException e) {
            throw new BadPayloadException("WeChat push is not well-formed XML: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("reading XML from memory failed", e);
        }
        Element root = document.getDocumentElement();
        if (!root.getTagName().equals("xml")) {
            throw new BadPayloadException("WeChat push XML has root <" + root.getTagName() + ">, expected <xml>");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                fields.put(element.getTagName(), element.getTextContent().strip());
            }
        }
        return new WechatMessage(fields);
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser could not be set up securely", e);
        }
    }

    private static WechatMessage json(String text) {
        JsonNode node;
        try {
            node = ChannelEventJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new BadPayloadException("WeChat push is not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadPayloadException("WeChat push JSON is not an object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode()) {
                fields.put(e.getKey(), e.getValue().asText());
            }
        });
        return new WechatMessage(fields);
    }
}
