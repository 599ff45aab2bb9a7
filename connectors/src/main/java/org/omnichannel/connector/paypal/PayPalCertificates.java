package org.omnichannel.connector.paypal;

import java.net.URI;
import java.security.cert.X509Certificate;

/**
 * The port through which the PayPal connector gets the certificate a webhook was signed with
 * ({@code PAYPAL-CERT-URL}). Implementations check that the certificate is PayPal's message
 * verification certificate, valid now and trusted; {@link CachingPayPalCertificates} keeps them.
 */
public interface PayPalCertificates {

    /**
     * The checked signing certificate at an allowed URL.
     *
     * @throws PayPalCertificateException when it cannot be fetched (I/O: retry later) or is not acceptable
     */
    X509Certificate signingCertificate(URI certUrl);
}
