package org.omnichannel.bench.ingress;

import java.util.Arrays;

/** The three servers the ingress benchmark compares. */
public enum ServerKind {
    /** The limit: a raw Vert.x handler sending the body with a plain KafkaProducer. */
    RAW_VERTX("a", "raw Vert.x + KafkaProducer"),
    /** The common choice: platform-http → kafka component → 202. */
    NAIVE_CAMEL("b", "naive Camel route"),
    /** The hub's real ingress: verify, map, events and raw body to Kafka → 202. */
    HUB("c", "hub ingress"),
    /** Not a contender: Vert.x answering 202 without Kafka, the most the load generator can drive here. */
    NO_KAFKA("n", "Vert.x 202, no Kafka");

    private final String letter;
    private final String label;

    ServerKind(String letter, String label) {
        this.letter = letter;
        this.label = label;
    }

    public String letter() {
        return letter;
    }

    public String label() {
        return "(" + letter + ") " + label;
    }

    static ServerKind of(String letter) {
        return Arrays.stream(values()).filter(k -> k.letter.equals(letter)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--servers: '" + letter + "' is not a server; use a, b, c, n"));
    }
}
