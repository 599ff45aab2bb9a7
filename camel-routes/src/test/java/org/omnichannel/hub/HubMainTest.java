package org.omnichannel.hub;

import org.apache.camel.ServiceStatus;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class HubMainTest {

    @Test
    void the_hub_starts_on_its_embedded_defaults_and_stops_cleanly() throws Exception {
        Main main = HubMain.create();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<ServiceStatus> statusWhenStarted = new AtomicReference<>();
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport m) {
                statusWhenStarted.set(m.getCamelContext().getStatus());
                started.countDown();
            }
        });
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                main.run(new String[0]);
            } catch (Exception e) {
                failure.set(e);
                started.countDown();
            }
        }, "hub-under-test");
        runner.start();

        assertThat(started.await(60, TimeUnit.SECONDS)).as("hub started").isTrue();
        assertThat(failure.get()).as("failure while starting").isNull();
        assertThat(statusWhenStarted.get()).isEqualTo(ServiceStatus.Started);
        assertThat(main.getCamelContext().getName()).isEqualTo("omnichannel-hub");

        main.completed();
        runner.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(runner.isAlive()).as("hub thread still running after stop").isFalse();
        assertThat(main.getExitCode()).isZero();
    }
}
