package org.omnichannel.connector.spi;

import java.nio.charset.StandardCharsets;

/**
 * What the hub answers the vendor. Some vendors need a particular body to stop retrying (Alipay
 * "success", WeChat Pay {"code":"SUCCESS"}), or a handshake answer (Meta's hub.challenge).
 */
public record ConnectorResponse(int status, String contentType, byte[] body) {

    public ConnectorResponse {
        body = body == null ? new byte[0] : body;
    }

    public static ConnectorResponse accepted() {
        return new ConnectorResponse(202, null, null);
    }

    public static ConnectorResponse text(int status, String text) {
        return new ConnectorResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public static ConnectorResponse json(int status, String json) {
        return new ConnectorResponse(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }
}
