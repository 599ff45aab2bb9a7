package org.omnichannel.bench.ingress;

import java.net.URI;

/** A server under load: where to post, and what it stored on Kafka. */
public interface BenchServer extends AutoCloseable {

    ServerKind kind();

    /** The URL the load generator posts the order to. */
    URI target();

    /** Records this server wrote to Kafka so far, per topic it writes to, e.g. {@code omni.raw=120 omni.inbound=120}. */
    KafkaCounts.Stored stored();

    @Override
    void close() throws Exception;
}
