package org.apache.ofbiz.service;

import java.util.Map;

/** Compile-only declaration of OFBiz's interface: never packaged; checked against api-signatures.txt. */
public interface LocalDispatcher {
    org.apache.ofbiz.entity.Delegator getDelegator();

    Map<String, Object> runSync(String serviceName, Map<String, ? extends Object> context) throws GenericServiceException;

    Map<String, Object> runSync(String serviceName, Map<String, ? extends Object> context, int transactionTimeout,
            boolean requireNewTransaction) throws ServiceAuthException, ServiceValidationException, GenericServiceException;
}
