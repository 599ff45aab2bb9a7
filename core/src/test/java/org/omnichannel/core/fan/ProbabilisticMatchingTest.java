package org.omnichannel.core.fan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.core.fan.file.JsonModelStore;
import org.omnichannel.core.fan.match.Comparison;
import org.omnichannel.core.fan.match.EmTrainer;
import org.omnichannel.core.fan.match.MatchExplanation;
import org.omnichannel.core.fan.match.MatchModel;
import org.omnichannel.core.fan.memory.InMemoryFanStore;
import org.omnichannel.core.fan.memory.InMemoryMergeAudit;
import org.omnichannel.core.fan.normalize.RecordNormalizer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProbabilisticMatchingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
    private static final List<SyntheticPeople.Labelled> PEOPLE = SyntheticPeople.generate(400, 11);
    private static final MatchModel MODEL = new EmTrainer(50_000, 3, CLOCK)
            .train(PEOPLE.stream().map(p -> RecordNormalizer.normalize(p.record())).toList());

    @Test
    void em_learns_without_labels_that_agreement_is_likelier_among_matches() {
        for (Comparison c : List.of(Comparison.GIVEN_NAME, Comparison.SURNAME, Comparison.BIRTH_DATE, Comparison.EMAIL)) {
            MatchModel.ComparisonModel cm = MODEL.of(c);
            assertThat(cm.weight(0)).as(c + " exact").isGreaterThan(3);
            assertThat(cm.weight(c.levelCount() - 1)).as(c + " different").isLessThan(-1);
        }
        // About 2.5 records a person: the chance two random records match is of the order of 1/400.
        assertThat(MODEL.lambda()).isBetween(0.0005, 0.02);
    }

    @Test
    void records_with_typos_and_gaps_resolve_to_their_people() {
        InMemoryFanStore store = new InMemoryFanStore();
        FanResolver resolver = new FanResolver(store, new InMemoryMergeAudit(), MODEL, 0.5, CLOCK);
        Map<String, Integer> entity = new HashMap<>();
        for (SyntheticPeople.Labelled p : PEOPLE) {
            resolver.resolve(p.record());
            entity.put(p.record().recordId(), p.entity());
        }
        long tp = 0;
        long predicted = 0;
        long truth = 0;
        List<String> ids = List.copyOf(entity.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                boolean same = store.fanOf(ids.get(i)).equals(store.fanOf(ids.get(j)));
                boolean real = entity.get(ids.get(i)).equals(entity.get(ids.get(j)));
                tp += same && real ? 1 : 0;
                predicted += same ? 1 : 0;
                truth += real ? 1 : 0;
            }
        }
        double precision = (double) tp / predicted;
        double recall = (double) tp / truth;
        assertThat(precision).isGreaterThan(0.9);
        assertThat(recall).isGreaterThan(0.9);
    }

    @Test
    void a_probabilistic_join_is_explained_field_by_field() {
        FanResolver resolver = new FanResolver(new InMemoryFanStore(), new InMemoryMergeAudit(), MODEL, 0.5, CLOCK);
        FanId ann = resolver.resolve(FanRecord.builder("a").attribute(PersonField.FULL_NAME, "Amelia Robinson")
                .attribute(PersonField.DOB, "1984-07-19").attribute(PersonField.CITY, "York").build()).fanId();
        Resolution typo = resolver.resolve(FanRecord.builder("b").attribute(PersonField.GIVEN_NAME, "Amelia")
                .attribute(PersonField.SURNAME, "Robinsen").attribute(PersonField.DOB, "19840719").build());

        assertThat(typo.fanId()).isEqualTo(ann);
        Link link = typo.links().get(0);
        assertThat(link.kind()).isEqualTo(Link.Kind.PROBABILISTIC);
        MatchExplanation why = link.explanation();
        assertThat(why.fields()).extracting(MatchExplanation.FieldWeight::comparison)
                .containsExactlyInAnyOrder(Comparison.GIVEN_NAME, Comparison.SURNAME, Comparison.BIRTH_DATE);
        assertThat(why.fields()).filteredOn(f -> f.comparison() == Comparison.SURNAME)
                .singleElement().satisfies(f -> assertThat(f.level()).isEqualTo("jaro-winkler>=0.92"));
        assertThat(why.probability()).isGreaterThan(0.5);
        assertThat(why.describe()).startsWith("match weight ").contains("BIRTH_DATE exact +");
    }

    @Test
    void the_same_name_alone_is_not_enough_for_a_common_name() {
        FanResolver resolver = new FanResolver(new InMemoryFanStore(), new InMemoryMergeAudit(), MODEL, 0.5, CLOCK);
        FanId first = resolver.resolve(FanRecord.builder("a").attribute(PersonField.FULL_NAME, "Jack Smith")
                .attribute(PersonField.DOB, "1950-01-02").build()).fanId();
        FanId second = resolver.resolve(FanRecord.builder("b").attribute(PersonField.FULL_NAME, "Jack Smith")
                .attribute(PersonField.DOB, "1999-10-30").build()).fanId();
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void a_learned_model_survives_a_round_trip_through_its_json_file(@TempDir Path dir) {
        JsonModelStore store = new JsonModelStore(dir.resolve("model.json"));
        assertThat(store.load()).isEmpty();
        store.save(MODEL);
        assertThat(store.load()).contains(MODEL);
    }
}
