package org.omnichannel.connector.paypal;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Fetches the PEM chain at a PayPal cert URL over HTTP(S) and checks it: the URL against the
 * {@link PayPalCertUrlPolicy}, the leaf's name (CN or DNS SAN {@code messageverificationcerts.paypal.com}
 * or {@code messageverificationcerts.sandbox.paypal.com}), its validity now, and the chain with the
 * {@link PayPalCertificateTrust}. Bodies over 64 KiB are refused. Wrap it in
 * {@link CachingPayPalCertificates}: PayPal rotates this certificate rarely.
 */
public final class HttpPayPalCertificates implements PayPalCertificates {

    /** The names PayPal's message verification certificates carry. */
    public static final Set<String> SIGNER_NAMES = Set.of("messageverificationcerts.paypal.com",
            "messageverificationcerts.sandbox.paypal.com");
    private static final int MAX_BYTES = 64 * 1024;

    private final HttpClient http;
    private final PayPalCertUrlPolicy policy;
    private final PayPalCertificateTrust trust;
    private final Clock clock;

    public HttpPayPalCertificates() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                        .followRedirects(HttpClient.Redirect.NEVER).build(),
                PayPalCertUrlPolicy.PAYPAL, PayPalCertificateTrust.jdkDefault(), Clock.systemUTC());
    }

    public HttpPayPalCertificates(HttpClient http, PayPalCertUrlPolicy policy, PayPalCertificateTrust trust, Clock clock) {
        this.http = http;
        this.policy = policy;
        this.trust = trust;
        this.clock = clock;
    }

    @Override
    public X509Certificate signingCertificate(URI certUrl) {
        if (policy.check(certUrl.toString()).isEmpty()) {
            throw new PayPalCertificateException("cert URL host '" + certUrl.getHost() + "' is not an allowed PayPal host",
                    false, null);
        }
        byte[] pem = fetch(certUrl);
        List<X509Certificate> chain = parse(pem);
        X509Certificate leaf = chain.get(0);
        checkName(leaf);
        try {
            leaf.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new PayPalCertificateException("the signing certificate is not valid now (valid "
                    + leaf.getNotBefore().toInstant() + " to " + leaf.getNotAfter().toInstant() + ")", false, e);
        }
        trust.check(chain, clock.instant());
        return leaf;
    }

    private byte[] fetch(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new PayPalCertificateException("cert URL answered HTTP " + response.statusCode(),
                            response.statusCode() >= 500, null);
                }
                byte[] body = in.readNBytes(MAX_BYTES + 1);
                if (body.length > MAX_BYTES) {
                    throw new PayPalCertificateException("cert URL answered more than " + MAX_BYTES + " bytes", false, null);
                }
                return body;
            }
        } catch (IOException e) {
            throw new PayPalCertificateException("cannot fetch the signing certificate: " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PayPalCertificateException("interrupted while fetching the signing certificate", true, e);
        }
    }

    static List<X509Certificate> parse(byte[] pem) {
        try {
            Collection<? extends java.security.cert.Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
            List<X509Certificate> chain = new ArrayList<>();
            for (var certificate : certificates) {
                chain.add((X509Certificate) certificate);
            }
            if (chain.isEmpty()) {
                throw new PayPalCertificateException("cert URL answered no certificate", false, null);
            }
            return chain;
        } catch (CertificateException e) {
            throw new PayPalCertificateException("cert URL answered no readable X.509 certificate", false, e);
        }
    }

    private static void checkName(X509Certificate leaf) {
        try {
            Collection<List<?>> alternatives = leaf.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> name : alternatives) {
                    if (Integer.valueOf(2).equals(name.get(0)) && SIGNER_NAMES.contains(String.valueOf(name.get(1)))) {
                        return;
                    }
                }
            }
            for (Rdn rdn : new LdapName(leaf.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN") && SIGNER_NAMES.contains(String.valueOf(rdn.getValue()))) {
                    return;
                }
            }
        } catch (CertificateParsingException | InvalidNameException e) {
            throw new PayPalCertificateException("the signing certificate's names cannot be read", false, e);
        }
        throw new PayPalCertificateException("the certificate is not PayPal's message verification certificate (subject "
                + leaf.getSubjectX500Principal().getName() + ")", false, null);
    }
}
