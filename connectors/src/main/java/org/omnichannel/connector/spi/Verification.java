package org.omnichannel.connector.spi;

/**
 * Whether a request really comes from the vendor. A rejection says why in words safe to log and
 * to answer with: never a secret or an expected signature.
 */
public sealed interface Verification {

    Verification OK = new Verified();

    static Verification ok() {
        return OK;
    }

    static Verification rejected(String reason) {
        return new Rejected(reason);
    }

    default boolean isVerified() {
        return this instanceof Verified;
    }

    record Verified() implements Verification {
    }

    record Rejected(String reason) implements Verification {
    }
}
