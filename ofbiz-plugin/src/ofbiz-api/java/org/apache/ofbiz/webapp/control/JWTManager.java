package org.apache.ofbiz.webapp.control;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

import org.apache.ofbiz.entity.Delegator;

/** Compile-only declaration of OFBiz's class: never packaged; checked against api-signatures.txt. */
public class JWTManager {
    public JWTManager() {
    }

    public static String getHeaderAuthBearerToken(HttpServletRequest request) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public static Map<String, Object> validateToken(Delegator delegator, String jwtToken) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
