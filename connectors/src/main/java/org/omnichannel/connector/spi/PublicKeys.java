package org.omnichannel.connector.spi;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.nio.charset.StandardCharsets;

/**
 * Reads the RSA public keys and X.509 certificates that vendors publish (Alipay's 支付宝公钥,
 * WeChat Pay's platform certificates), as PEM or as the bare Base64 the vendors' consoles show.
 * Errors name what was expected, never the key material.
 */
public final class PublicKeys {

    private PublicKeys() {
    }

    /**
     * An RSA public key from a PEM "PUBLIC KEY" block, a PEM certificate (its key is taken) or bare
     * Base64 of a SubjectPublicKeyInfo.
     *
     * @param what names the setting in errors, e.g. "secret 'alipayPublicKey' of channel 'alipay-cn'"
     */
    public static PublicKey rsa(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalStateException(what + " is empty: it must hold an RSA public key (PEM or Base64)");
        }
        if (text.contains("-----BEGIN CERTIFICATE-----")) {
            return certificates(text, what).get(0).getPublicKey();
        }
        String base64 = text.replaceAll("-----(BEGIN|END) (RSA )?PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalStateException(what + " is not an RSA public key: expected a PEM 'PUBLIC KEY' block,"
                    + " a PEM certificate or the Base64 of a SubjectPublicKeyInfo");
        }
    }

    /** Every certificate of a PEM text holding one or more "CERTIFICATE" blocks. */
    public static List<X509Certificate> certificates(String pem, String what) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (var certificate : factory.generateCertificates(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                certificates.add((X509Certificate) certificate);
            }
        } catch (CertificateException e) {
            throw new IllegalStateException(what + " is not a PEM certificate list: " + e.getMessage());
        }
        if (certificates.isEmpty()) {
            throw new IllegalStateException(what + " holds no PEM certificate");
        }
        return certificates;
    }

    /** A certificate's serial number as upper-case hex without leading zeros, as WeChat Pay sends it. */
    public static String serialHex(X509Certificate certificate) {
        return normaliseSerial(certificate.getSerialNumber().toString(16));
    }

    /** Upper case, leading zeros dropped, so "00d7ce…" and "D7CE…" compare equal. */
    public static String normaliseSerial(String hex) {
        try {
            return new BigInteger(hex.trim(), 16).toString(16).toUpperCase(Locale.ROOT);
        } catch (NumberFormatException e) {
            return hex.trim().toUpperCase(Locale.ROOT);
        }
    }
}
