package org.omnichannel.connector.amazon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock tests move by hand, and a {@link Sleeper} that moves it instead of waiting, recording each wait. */
final class TestClock extends Clock implements Sleeper {

    private volatile Instant now;
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    TestClock(Instant now) {
        this.now = now;
    }

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
