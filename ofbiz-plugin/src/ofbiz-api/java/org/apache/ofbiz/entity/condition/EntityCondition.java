package org.apache.ofbiz.entity.condition;

/** Compile-only declaration of OFBiz's interface: never packaged; checked against api-signatures.txt. */
public interface EntityCondition extends java.io.Serializable {
    static <L, R, LL, RR> EntityExpr makeCondition(L lhs, EntityComparisonOperator<LL, RR> operator, R rhs) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    static <R> EntityExpr makeCondition(String fieldName, R value) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
