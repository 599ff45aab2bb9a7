package org.omnichannel.connector.paypal;

import org.omnichannel.connector.spi.Signatures;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a certificate chain served at a PayPal cert URL is to be trusted. {@link #jdkDefault()}
 * validates the chain (leaf first, as served) with PKIX against the JDK's trusted roots, without
 * revocation checks; {@link #pinned(Set)} accepts only leaves with the given SHA-256 fingerprints
 * (for a deployment that pins PayPal's certificate, and for tests with the SDK's certificate).
 */
@FunctionalInterface
public interface PayPalCertificateTrust {

    /** @throws PayPalCertificateException (not transient) when the chain is not trusted at that instant */
    void check(List<X509Certificate> chain, Instant at);

    static PayPalCertificateTrust jdkDefault() {
        return pkix(null);
    }

    /** PKIX against the given trust store, or the JDK's cacerts when null. */
    static PayPalCertificateTrust pkix(KeyStore anchors) {
        return (chain, at) -> {
            try {
                KeyStore store = anchors;
                if (store == null) {
                    javax.net.ssl.TrustManagerFactory factory = javax.net.ssl.TrustManagerFactory.getInstance(
                            javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
                    factory.init((KeyStore) null);
                    store = KeyStore.getInstance(KeyStore.getDefaultType());
                    store.load(null, null);
                    int i = 0;
                    for (var manager : factory.getTrustManagers()) {
                        if (manager instanceof javax.net.ssl.X509TrustManager x509) {
                            for (X509Certificate root : x509.getAcceptedIssuers()) {
                                store.setCertificateEntry("root-" + i++, root);
                            }
                        }
                    }
                }
                PKIXParameters parameters = new PKIXParameters(store);
                parameters.setRevocationEnabled(false);
                parameters.setDate(Date.from(at));
                CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
                CertPathValidator.getInstance("PKIX").validate(path, parameters);
            } catch (GeneralSecurityException | java.io.IOException e) {
                throw new PayPalCertificateException("the certificate chain does not lead to a trusted root: "
                        + e.getMessage(), false, e);
            }
        };
    }

    /** Trusts exactly the leaves whose SHA-256 fingerprint (hex, any case) is listed. */
    static PayPalCertificateTrust pinned(Set<String> sha256Fingerprints) {
        Set<String> pins = sha256Fingerprints.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return (chain, at) -> {
            if (!pins.contains(fingerprint(chain.get(0)))) {
                throw new PayPalCertificateException("the signing certificate is not one of the pinned certificates", false, null);
            }
        };
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return Signatures.sha256Hex(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new PayPalCertificateException("the certificate cannot be encoded", false, e);
        }
    }
}
