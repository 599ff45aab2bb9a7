package org.omnichannel.connector.paypal;

/**
 * The signing certificate could not be had. {@link #isTransient()} is true for I/O failures (the
 * webhook should be answered 5xx so PayPal retries), false when the certificate itself is unacceptable.
 */
public class PayPalCertificateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;

    public PayPalCertificateException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
