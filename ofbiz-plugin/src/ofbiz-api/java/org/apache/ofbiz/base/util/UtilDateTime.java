package org.apache.ofbiz.base.util;

/** Compile-only declaration of OFBiz's class: never packaged; checked against api-signatures.txt. */
public final class UtilDateTime {
    private UtilDateTime() {
    }

    public static java.sql.Timestamp nowTimestamp() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
