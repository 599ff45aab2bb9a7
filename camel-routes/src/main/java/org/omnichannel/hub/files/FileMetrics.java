package org.omnichannel.hub.files;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Per-channel counters of the file drop, beside the hub's own meters (Prometheus:
 * {@code omni_files_processed_total{channel,outcome="done|error"}},
 * {@code omni_files_rows_total{channel,outcome="read|skipped"}}, and the events through
 * {@code omni_events_queued_total} as for webhooks).
 */
final class FileMetrics {

    private final MeterRegistry registry;

    FileMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void done(FileReport report) {
        counter("omni.files.processed", report.channelId(), "done").increment();
        if (report.rows() >= 0) {
            counter("omni.files.rows", report.channelId(), "read").increment(report.rows());
        }
        counter("omni.files.rows", report.channelId(), "skipped").increment(report.skipped().size());
        counter("omni.events.queued", report.channelId(), "ok").increment(report.eventIds().size());
    }

    void error(String channelId) {
        counter("omni.files.processed", channelId, "error").increment();
    }

    private Counter counter(String name, String channelId, String outcome) {
        return Counter.builder(name).tag("channel", channelId).tag("outcome", outcome).register(registry);
    }
}
