package org.apache.ofbiz.entity.condition;

/** Compile-only declaration of OFBiz's class: never packaged; checked against api-signatures.txt. */
public abstract class EntityOperator<L, R> implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public static final EntityComparisonOperator<?, ?> GREATER_THAN = null;
    public static final EntityComparisonOperator<?, ?> LESS_THAN_EQUAL_TO = null;
    public static final EntityComparisonOperator<?, ?> LIKE = null;
    public static final EntityComparisonOperator<?, ?> IN = null;

    EntityOperator() {
    }
}
