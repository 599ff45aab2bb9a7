package org.apache.ofbiz.service;

import java.util.Map;

/** Compile-only declaration of OFBiz's class: never packaged; checked against api-signatures.txt. */
public final class ServiceUtil {
    private ServiceUtil() {
    }

    public static boolean isError(Map<String, ? extends Object> result) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public static boolean isSuccess(Map<String, ? extends Object> result) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public static Map<String, Object> returnError(String errorMessage) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public static Map<String, Object> returnSuccess() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public static Map<String, Object> returnSuccess(String successMessage) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public static String getErrorMessage(Map<String, ? extends Object> result) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
