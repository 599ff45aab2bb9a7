package org.omnichannel.connector.alipay;

import org.omnichannel.connector.spi.Signatures;
import org.omnichannel.connector.spi.Verification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.List;

/**
 * Checks the {@code sign} of an Alipay notification ("异步通知验签"). {@code sign_type=RSA2} (and a
 * missing sign_type) is SHA256withRSA, {@code RSA} is the legacy SHA1withRSA. Like Alipay's own SDK
 * ({@code checkNotifySign}), the content is tried with sign_type kept (V2, open-platform gateway
 * notifications) and then without it (V1, trade notifications); one valid variant is enough, and
 * each variant is a full RSA verification, so nothing short-circuits on a partial match.
 */
final class AlipaySignature {

    private AlipaySignature() {
    }

    static Verification verify(AlipayForm form, PublicKey alipayPublicKey) {
        String sign = form.get("sign").orElse(null);
        if (sign == null) {
            return Verification.rejected("missing sign parameter");
        }
        byte[] signature = Signatures.fromBase64(sign);
        if (signature == null) {
            return Verification.rejected("sign is not Base64");
        }
        String algorithm = switch (form.get("sign_type").orElse("RSA2")) {
            case "RSA2" -> "SHA256withRSA";
            case "RSA" -> "SHA1withRSA";
            default -> null;
        };
        if (algorithm == null) {
            return Verification.rejected("sign_type '" + form.get("sign_type").orElse("") + "' is neither RSA2 nor RSA");
        }
        boolean valid = false;
        for (boolean includeSignType : List.of(true, false)) {
            valid |= matches(algorithm, alipayPublicKey, AlipaySignedContent.of(form.params(), includeSignType), signature);
        }
        return valid ? Verification.ok() : Verification.rejected("sign does not match the parameters and the Alipay public key");
    }

    static boolean matches(String algorithm, PublicKey key, String content, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(content.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature is a mismatch, not an error
        }
    }
}
