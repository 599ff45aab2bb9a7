package org.omnichannel.connector.amazon;

import java.time.Duration;

/** How the SP-API client waits for its rate limits and back-off; tests pass one that moves a clock. */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    void sleep(Duration duration) throws InterruptedException;
}
