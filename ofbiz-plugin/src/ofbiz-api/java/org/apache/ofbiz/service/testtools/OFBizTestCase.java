package org.apache.ofbiz.service.testtools;

import org.apache.ofbiz.entity.testtools.EntityTestCase;
import org.apache.ofbiz.service.LocalDispatcher;

/** Compile-only declaration of OFBiz's class: never packaged; checked against api-signatures.txt. */
public class OFBizTestCase extends EntityTestCase {
    public OFBizTestCase(String name) {
        super(name);
    }

    public LocalDispatcher getDispatcher() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
