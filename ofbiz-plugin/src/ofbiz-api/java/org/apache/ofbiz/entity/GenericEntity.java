package org.apache.ofbiz.entity;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Map;

/**
 * Compile-only declaration of OFBiz's class: never packaged; checked against api-signatures.txt.
 * (The real class also implements Map; the plugin uses only the members declared here.)
 */
public class GenericEntity {
    protected GenericEntity() {
    }

    public String getEntityName() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public Object get(String name) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public void set(String name, Object value) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public String getString(String name) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public Timestamp getTimestamp(String name) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public Long getLong(String name) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public BigDecimal getBigDecimal(String name) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public Map<String, Object> getAllFields() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
