package org.apache.ofbiz.entity.util;

import java.util.List;

import org.apache.ofbiz.entity.Delegator;
import org.apache.ofbiz.entity.GenericEntityException;
import org.apache.ofbiz.entity.GenericValue;
import org.apache.ofbiz.entity.condition.EntityCondition;

/** Compile-only declaration of OFBiz's class: never packaged; checked against api-signatures.txt. */
public class EntityQuery {
    private EntityQuery() {
    }

    public static EntityQuery use(Delegator delegator) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public EntityQuery from(String entityName) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public EntityQuery where(EntityCondition condition) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public EntityQuery where(EntityCondition... conditions) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public EntityQuery where(Object... fields) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public EntityQuery orderBy(String... fields) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public EntityQuery maxRows(int maxRows) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public EntityQuery filterByDate() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public List<GenericValue> queryList() throws GenericEntityException {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public GenericValue queryFirst() throws GenericEntityException {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public GenericValue queryOne() throws GenericEntityException {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public long queryCount() throws GenericEntityException {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
