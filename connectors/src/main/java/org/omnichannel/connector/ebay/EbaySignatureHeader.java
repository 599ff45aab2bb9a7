package org.omnichannel.connector.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import org.omnichannel.connector.spi.JsonBodies;
import org.omnichannel.connector.spi.Signatures;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The decoded {@code X-EBAY-SIGNATURE} header: Base64 of
 * {@code {"alg":"ecdsa","kid":"<key id>","signature":"<Base64 DER ECDSA signature>","digest":"SHA1"}}.
 */
record EbaySignatureHeader(String kid, byte[] signature, String digest) {

    /** The header decoded, or empty when it is not Base64 of such a JSON object with alg ecdsa. */
    static Optional<EbaySignatureHeader> parse(String header) {
        byte[] json = Signatures.fromBase64(header);
        if (json == null) {
            return Optional.empty();
        }
        JsonNode tree;
        try {
            tree = JsonBodies.mapper().readTree(json);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (tree == null || !tree.isObject() || !"ecdsa".equalsIgnoreCase(JsonBodies.text(tree, "alg"))) {
            return Optional.empty();
        }
        String kid = JsonBodies.text(tree, "kid");
        byte[] signature = Signatures.fromBase64(JsonBodies.text(tree, "signature"));
        String digest = JsonBodies.text(tree, "digest");
        if (kid == null || signature == null || signature.length == 0) {
            return Optional.empty();
        }
        return Optional.of(new EbaySignatureHeader(kid, signature,
                digest == null ? "SHA1" : digest.toUpperCase(Locale.ROOT)));
    }

    /** The JCA name of the signature algorithm for a digest eBay names, or null for one we do not accept. */
    static String jcaAlgorithm(String digest) {
        return switch (digest) {
            case "SHA1" -> "SHA1withECDSA";
            case "SHA256" -> "SHA256withECDSA";
            default -> null;
        };
    }
}
