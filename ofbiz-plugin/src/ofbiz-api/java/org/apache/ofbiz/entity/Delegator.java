package org.apache.ofbiz.entity;

import java.util.Map;

/** Compile-only declaration of OFBiz's interface: never packaged; checked against api-signatures.txt. */
public interface Delegator {
    GenericValue create(GenericValue value) throws GenericEntityException;

    int store(GenericValue value) throws GenericEntityException;

    GenericValue makeValue(String entityName);

    GenericValue makeValue(String entityName, Map<String, ? extends Object> fields);

    String getNextSeqId(String seqName);

    Long getNextSeqIdLong(String seqName);
}
