package org.omnichannel.core.fan;

import org.junit.jupiter.api.Test;
import org.omnichannel.core.fan.match.MatchModel;
import org.omnichannel.core.fan.memory.InMemoryFanStore;
import org.omnichannel.core.fan.memory.InMemoryMergeAudit;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MergeAndUnmergeTest {

    private final InMemoryFanStore store = new InMemoryFanStore();
    private final InMemoryMergeAudit audit = new InMemoryMergeAudit();
    private final FanResolver resolver = new FanResolver(store, audit, MatchModel.priors());

    @Test
    void a_manual_merge_then_unmerge_restores_the_exact_prior_state() {
        FanId a = resolve("r1", KeyType.EMAIL, "ann@example.com", "Ann Lee");
        resolve("r2", KeyType.PHONE, "+44 20 7946 0018", "Ann Lee");
        resolve("r3", KeyType.EMAIL, "ann@example.com", null);
        FanId b = resolve("r4", KeyType.LOYALTY_CARD, "LC-9", "Bo Chan");
        resolve("r5", KeyType.LOYALTY_CARD, "LC-9", null);
        Map<FanId, List<String>> before = store.snapshot();

        MergeRecord merge = resolver.merge(a, b, "clerk-7", "same person, checked the ID card");
        assertThat(store.recordsOf(b)).isEmpty();
        assertThat(store.fansWithKey("LOYALTY_CARD::LC-9")).containsExactly(a);

        UnmergeRecord unmerge = resolver.unmerge(merge.mergeId(), "supervisor-1", "they are sisters");
        assertThat(store.snapshot()).isEqualTo(before);
        assertThat(store.fansWithKey("LOYALTY_CARD::LC-9")).containsExactly(b);
        assertThat(unmerge.restored()).isEqualTo(b);
        assertThat(unmerge.movedRecordIds()).containsExactlyInAnyOrder("r4", "r5");
        assertThat(audit.unmergeOf(merge.mergeId())).contains(unmerge);
    }

    @Test
    void a_merge_made_by_a_record_is_audited_with_its_evidence_and_undone_exactly() {
        FanId a = resolve("r1", KeyType.EMAIL, "ann@example.com", null);
        FanId b = resolve("r2", KeyType.PHONE, "+44 20 7946 0018", null);
        Map<FanId, List<String>> before = store.snapshot();

        Resolution bridge = resolver.resolve(FanRecord.builder("r3").identity(KeyType.EMAIL, "ann@example.com")
                .identity(KeyType.PHONE, "+44 20 7946 0018").build());
        assertThat(bridge.outcome()).isEqualTo(Resolution.Outcome.MERGED);
        MergeRecord merge = audit.merge(bridge.mergeIds().get(0)).orElseThrow();
        assertThat(merge.triggerRecordId()).isEqualTo("r3");
        assertThat(merge.evidence()).contains("EMAIL::ann@example.com", "PHONE::+442079460018");
        assertThat(List.of(merge.survivor(), merge.absorbed())).containsExactlyInAnyOrder(a, b);

        resolver.unmerge(merge.mergeId(), "supervisor-1", "wrong phone typed");
        Map<FanId, List<String>> after = store.snapshot();
        // Exactly the prior state, plus the bridging record, which stays with the survivor.
        after.computeIfPresent(merge.survivor(), (fan, ids) -> ids.stream().filter(id -> !id.equals("r3")).toList());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void fans_a_person_unmerged_are_not_merged_again_by_the_next_record() {
        FanId a = resolve("r1", KeyType.EMAIL, "ann@example.com", null);
        FanId b = resolve("r2", KeyType.PHONE, "+44 20 7946 0018", null);
        MergeRecord merge = resolver.merge(a, b, "clerk-7", "looked the same");
        resolver.unmerge(merge.mergeId(), "supervisor-1", "two people");

        Resolution next = resolver.resolve(FanRecord.builder("r3").identity(KeyType.EMAIL, "ann@example.com")
                .identity(KeyType.PHONE, "+44 20 7946 0018").build());
        assertThat(next.outcome()).isEqualTo(Resolution.Outcome.JOINED);
        assertThat(next.conflicts()).singleElement().satisfies(c -> assertThat(c.attribute()).isEqualTo("UNMERGED"));
        assertThat(store.recordsOf(a)).isNotEmpty();
        assertThat(store.recordsOf(b)).isNotEmpty();
    }

    @Test
    void unmerging_after_the_survivor_was_merged_again_still_gives_the_records_back() {
        FanId a = resolve("r1", KeyType.EMAIL, "a@example.com", null);
        FanId b = resolve("r2", KeyType.EMAIL, "b@example.com", null);
        FanId c = resolve("r3", KeyType.EMAIL, "c@example.com", null);
        MergeRecord first = resolver.merge(a, b, "clerk", "same");
        resolver.merge(c, a, "clerk", "same");
        assertThat(store.recordsOf(c)).hasSize(3);

        resolver.unmerge(first.mergeId(), "clerk", "not the same");
        assertThat(store.recordsOf(b)).extracting(MatchRecord::recordId).containsExactly("r2");
        assertThat(store.recordsOf(c)).extracting(MatchRecord::recordId).containsExactlyInAnyOrder("r1", "r3");
    }

    @Test
    void an_unknown_or_repeated_unmerge_is_refused_with_the_reason() {
        FanId a = resolve("r1", KeyType.EMAIL, "a@example.com", null);
        FanId b = resolve("r2", KeyType.EMAIL, "b@example.com", null);
        MergeRecord merge = resolver.merge(a, b, "clerk", "same");
        resolver.unmerge(merge.mergeId(), "clerk", "no");
        assertThatThrownBy(() -> resolver.unmerge(merge.mergeId(), "clerk", "no"))
                .hasMessage("merge '" + merge.mergeId() + "' was already undone");
        assertThatThrownBy(() -> resolver.unmerge("nope", "clerk", "no")).hasMessage("no merge 'nope' in the audit");
        assertThatThrownBy(() -> resolver.merge(a, a, "clerk", "x")).hasMessageContaining("into itself");
    }

    private FanId resolve(String id, KeyType type, String value, String name) {
        return resolver.resolve(FanRecord.builder(id).defaultRegion("GB").identity(type, value)
                .attribute(PersonField.FULL_NAME, name).build()).fanId();
    }
}
