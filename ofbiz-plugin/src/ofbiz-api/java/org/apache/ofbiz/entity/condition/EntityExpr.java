package org.apache.ofbiz.entity.condition;

/** Compile-only declaration of OFBiz's class: never packaged; checked against api-signatures.txt. */
public final class EntityExpr implements EntityCondition {
    private static final long serialVersionUID = 1L;

    private EntityExpr() {
    }
}
