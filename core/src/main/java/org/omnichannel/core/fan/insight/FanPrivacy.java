package org.omnichannel.core.fan.insight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.omnichannel.core.event.ChannelEventJson;

import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Privacy requests against the insight engine: export everything about a fan as JSON, and erase a
 * fan. Erasure removes identities, personal details, consents, tags and the fan's own words, and
 * moves what is left (the behaviour, without the person) under a random pseudonym that nothing
 * maps back to the fan: the brand's aggregates (value, KPIs, channel mix) keep adding up, the
 * person is gone. Each erasure leaves an {@link ErasureRecord}.
 */
public final class FanPrivacy {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final FanInsightEngine engine;
    private final List<ErasureRecord> audit = new ArrayList<>();

    public FanPrivacy(FanInsightEngine engine) {
        if (engine == null) {
            throw new IllegalArgumentException("engine is required");
        }
        this.engine = engine;
    }

    /** Everything about the fan as of an instant. */
    public FanExport export(String fanId, Instant asOf) {
        FanState state = known(fanId, "export");
        synchronized (state) {
            return new FanExport(FanExport.FORMAT, state.fanId, asOf, List.copyOf(state.identities), state.person,
                    List.copyOf(state.tags), state.consents.all(), engine.snapshot(state, asOf),
                    List.copyOf(state.history), state.timeline.all());
        }
    }

    /** {@link #export} as UTF-8 JSON, instants as ISO-8601 UTC, money in minor units. */
    public byte[] exportJson(String fanId, Instant asOf) {
        FanExport export = export(fanId, asOf);
        try {
            ObjectMapper mapper = ChannelEventJson.mapper();
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(export);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the export of fan " + fanId + " could not be written as JSON", e);
        }
    }

    /**
     * Erases the fan: afterwards the engine knows no fan of that id, refuses events for it
     * ({@link RecordOutcome#FAN_ERASED}) and keeps its behaviour only under a pseudonym.
     */
    public ErasureRecord erase(String fanId, String requestedBy, String reason, Instant at) {
        if (requestedBy == null || requestedBy.isBlank() || reason == null || reason.isBlank() || at == null) {
            throw new IllegalArgumentException("an erasure needs requestedBy, reason and at (for the audit)");
        }
        FanState old = known(fanId, "erase");
        FanState kept = new FanState("erased-" + HexFormat.of().formatHex(randomBytes()), engine.settings());
        ErasureRecord record;
        synchronized (old) {
            engine.forget(old.fanId);
            int texts = 0;
            for (TimelineEntry entry : old.timeline.all()) {
                texts += entry.text() == null ? 0 : 1;
                kept.timeline.add(entry.withoutPersonalText());
            }
            kept.aggregate = FanAggregate.of(kept.timeline.all(), engine.settings());
            kept.stage = old.stage;
            kept.transition = old.transition;
            kept.history.addAll(old.history);
            kept.everIronFan = old.everIronFan;
            kept.evaluatedAt = old.evaluatedAt;
            record = new ErasureRecord(old.fanId, at, requestedBy, reason, old.identities.size(), old.person != null,
                    old.consents.all().size(), texts, kept.timeline.size());
            old.identities.clear();
            old.person = null;
            old.tags.clear();
            old.consents.clear();
        }
        engine.adopt(kept.fanId, kept);
        synchronized (audit) {
            audit.add(record);
        }
        return record;
    }

    /** Every erasure so far, oldest first. */
    public List<ErasureRecord> audit() {
        synchronized (audit) {
            return List.copyOf(audit);
        }
    }

    private FanState known(String fanId, String what) {
        if (fanId == null || fanId.isBlank()) {
            throw new IllegalArgumentException("fanId is required");
        }
        if (engine.isErased(fanId)) {
            throw new IllegalArgumentException("cannot " + what + " fan " + fanId + ": it was erased");
        }
        FanState state = engine.state(fanId);
        if (state == null) {
            throw new IllegalArgumentException("cannot " + what + " fan " + fanId + ": the engine has no such fan");
        }
        return state;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
