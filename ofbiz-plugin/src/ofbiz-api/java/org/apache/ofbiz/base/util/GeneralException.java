package org.apache.ofbiz.base.util;

/** Compile-only declaration of OFBiz's class: never packaged; checked against api-signatures.txt. */
public class GeneralException extends Exception {
    private static final long serialVersionUID = 1L;

    public GeneralException() {
    }

    public GeneralException(String msg) {
        super(msg);
    }

    public GeneralException(String msg, Throwable nested) {
        super(msg, nested);
    }

    public GeneralException(Throwable nested) {
        super(nested);
    }
}
