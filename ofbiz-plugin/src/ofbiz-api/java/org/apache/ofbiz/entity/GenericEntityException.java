package org.apache.ofbiz.entity;

import org.apache.ofbiz.base.util.GeneralException;

/** Compile-only declaration of OFBiz's class: never packaged; checked against api-signatures.txt. */
public class GenericEntityException extends GeneralException {
    private static final long serialVersionUID = 1L;

    public GenericEntityException() {
    }

    public GenericEntityException(String msg) {
        super(msg);
    }

    public GenericEntityException(String msg, Throwable nested) {
        super(msg, nested);
    }
}
