package org.apache.ofbiz.webapp.control;

import org.apache.ofbiz.entity.GenericValue;

/** Compile-only declaration of OFBiz's class: never packaged; checked against api-signatures.txt. */
public final class LoginWorker {
    private LoginWorker() {
    }

    public static boolean isUserLoginActive(GenericValue userLogin) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
