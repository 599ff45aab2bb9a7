package org.omnichannel.ofbiz.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What an {@code Authorization} header of the hub's API carries: the user name and password of an
 * OFBiz UserLogin (HTTP Basic) or a JWT issued by OFBiz (Bearer). Checking them is OFBiz's job;
 * this only reads the header and says clearly what is wrong with it.
 */
public sealed interface Credentials {

    /** HTTP Basic: {@code base64(userLoginId:password)}. */
    record Basic(String userLoginId, String password) implements Credentials {
        @Override
        public String toString() {
            return "Basic[" + userLoginId + ", password hidden]";
        }
    }

    /** A bearer token, to be validated by OFBiz's JWTManager. */
    record Bearer(String token) implements Credentials {
        @Override
        public String toString() {
            return "Bearer[token hidden]";
        }
    }

    /**
     * Reads an Authorization header.
     *
     * @throws IllegalArgumentException naming what is wrong (never echoing a secret)
     */
    static Credentials parse(String header) {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("no Authorization header: send 'Basic base64(userLoginId:password)' "
                    + "of an OFBiz UserLogin or 'Bearer <JWT>'");
        }
        String trimmed = header.trim();
        int space = trimmed.indexOf(' ');
        String scheme = space < 0 ? trimmed : trimmed.substring(0, space);
        String value = space < 0 ? "" : trimmed.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Basic")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Authorization Basic value is not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("Authorization Basic value must be base64(userLoginId:password)");
            }
            return new Basic(decoded.substring(0, colon), decoded.substring(colon + 1));
        }
        if (scheme.equalsIgnoreCase("Bearer")) {
            if (value.isEmpty()) {
                throw new IllegalArgumentException("Authorization Bearer has no token");
            }
            return new Bearer(value);
        }
        throw new IllegalArgumentException("Authorization scheme '" + scheme + "' is not supported: use Basic or Bearer");
    }
}
