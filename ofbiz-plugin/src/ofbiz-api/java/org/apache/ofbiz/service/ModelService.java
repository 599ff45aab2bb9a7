package org.apache.ofbiz.service;

/** Compile-only declaration of OFBiz's class: never packaged; checked against api-signatures.txt. */
public class ModelService {
    public static final String ERROR_MESSAGE = "errorMessage";

    private ModelService() {
    }
}
