package org.apache.ofbiz.entity.condition;

/** Compile-only declaration of OFBiz's class: never packaged; checked against api-signatures.txt. */
public abstract class EntityComparisonOperator<L, R> extends EntityOperator<L, R> {
    private static final long serialVersionUID = 1L;

    EntityComparisonOperator() {
    }
}
