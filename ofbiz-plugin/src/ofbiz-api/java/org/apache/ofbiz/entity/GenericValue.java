package org.apache.ofbiz.entity;

/** Compile-only declaration of OFBiz's class: never packaged; checked against api-signatures.txt. */
public class GenericValue extends GenericEntity {
    public GenericValue() {
    }

    public GenericValue create() throws GenericEntityException {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public void store() throws GenericEntityException {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public void remove() throws GenericEntityException {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
