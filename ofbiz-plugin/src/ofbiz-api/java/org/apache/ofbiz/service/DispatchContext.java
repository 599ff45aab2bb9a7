package org.apache.ofbiz.service;

import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.security.Security;

/** Compile-only declaration of OFBiz's class: never packaged; checked against api-signatures.txt. */
public class DispatchContext implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private DispatchContext() {
    }

    public LocalDispatcher getDispatcher() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public Delegator getDelegator() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public Security getSecurity() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
