package org.apache.ofbiz.base.util;

/** Compile-only declaration of OFBiz's class: never packaged; checked against api-signatures.txt. */
public final class Debug {
    private Debug() {
    }

    public static void logInfo(String msg, String module) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public static void logWarning(String msg, String module) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public static void logError(String msg, String module) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public static void logError(Throwable t, String msg, String module) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
