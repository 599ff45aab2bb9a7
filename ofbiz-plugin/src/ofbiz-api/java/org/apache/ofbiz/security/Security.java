package org.apache.ofbiz.security;

import org.apache.ofbiz.entity.GenericValue;

/** Compile-only declaration of OFBiz's interface: never packaged; checked against api-signatures.txt. */
public interface Security {
    boolean hasPermission(String permission, GenericValue userLogin);

    boolean hasEntityPermission(String entity, String action, GenericValue userLogin);
}
