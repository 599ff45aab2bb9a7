package org.apache.ofbiz.service;

/** Compile-only declaration of OFBiz's class: never packaged; checked against api-signatures.txt. */
public class ServiceValidationException extends GenericServiceException {
    private static final long serialVersionUID = 1L;

    ServiceValidationException() {
    }
}
