package org.omnichannel.connector.ebay;

/**
 * eBay's API could not answer now (I/O error, 5xx, 429, a refused token request). Retrying later may
 * help; the message names the operation and the HTTP status, never a token.
 */
public class EbayApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EbayApiException(String message) {
        super(message);
    }

    public EbayApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
