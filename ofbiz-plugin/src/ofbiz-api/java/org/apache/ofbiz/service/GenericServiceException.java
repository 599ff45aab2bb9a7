package org.apache.ofbiz.service;

import org.apache.ofbiz.base.util.GeneralException;

/** Compile-only declaration of OFBiz's class: never packaged; checked against api-signatures.txt. */
public class GenericServiceException extends GeneralException {
    private static final long serialVersionUID = 1L;

    public GenericServiceException() {
    }

    public GenericServiceException(String msg) {
        super(msg);
    }

    public GenericServiceException(String msg, Throwable nested) {
        super(msg, nested);
    }
}
