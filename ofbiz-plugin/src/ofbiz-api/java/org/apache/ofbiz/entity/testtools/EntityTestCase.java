package org.apache.ofbiz.entity.testtools;

import junit.framework.TestCase;

import org.apache.ofbiz.entity.Delegator;

/** Compile-only declaration of OFBiz's class: never packaged; checked against api-signatures.txt. */
public class EntityTestCase extends TestCase {
    public EntityTestCase(String name) {
        super(name);
    }

    public Delegator getDelegator() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
