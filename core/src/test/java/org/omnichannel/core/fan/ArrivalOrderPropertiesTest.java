package org.omnichannel.core.fan;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.omnichannel.core.fan.match.MatchModel;
import org.omnichannel.core.fan.memory.InMemoryFanStore;
import org.omnichannel.core.fan.memory.InMemoryMergeAudit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Deterministic links give the same fans whatever order the records arrive in. */
class ArrivalOrderPropertiesTest {

    private static final KeyType[] TYPES = {KeyType.EMAIL, KeyType.LOYALTY_CARD, KeyType.MARKETPLACE_BUYER_ID};

    @Property(tries = 200)
    void fans_from_shared_identifiers_do_not_depend_on_arrival_order(@ForAll("records") List<List<Integer>> keysOfRecords,
                                                                     @ForAll long seed) {
        List<FanRecord> records = new ArrayList<>();
        for (int i = 0; i < keysOfRecords.size(); i++) {
            FanRecord.Builder b = FanRecord.builder("r" + i);
            for (int key : keysOfRecords.get(i)) {
                b.identity(TYPES[key % TYPES.length], value(key));
            }
            records.add(b.build());
        }
        List<FanRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(seed));

        Set<Set<String>> inOrder = partition(records);
        Set<Set<String>> reordered = partition(shuffled);
        Set<Set<String>> expected = connectedComponents(keysOfRecords);
        org.assertj.core.api.Assertions.assertThat(inOrder).isEqualTo(expected);
        org.assertj.core.api.Assertions.assertThat(reordered).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<List<Integer>>> records() {
        Arbitrary<List<Integer>> keys = Arbitraries.integers().between(0, 29).list().ofMinSize(1).ofMaxSize(3);
        return keys.list().ofMinSize(1).ofMaxSize(40);
    }

    private static String value(int key) {
        KeyType type = TYPES[key % TYPES.length];
        return type == KeyType.EMAIL ? "person" + key + "@example.com" : type.name().toLowerCase() + "-" + key;
    }

    private static Set<Set<String>> partition(List<FanRecord> records) {
        InMemoryFanStore store = new InMemoryFanStore();
        FanResolver resolver = new FanResolver(store, new InMemoryMergeAudit(), MatchModel.priors());
        records.forEach(resolver::resolve);
        Set<Set<String>> out = new HashSet<>();
        store.snapshot().values().forEach(ids -> out.add(new HashSet<>(ids)));
        return out;
    }

    /** The expected fans, computed independently: records sharing any key, transitively. */
    private static Set<Set<String>> connectedComponents(List<List<Integer>> keysOfRecords) {
        int n = keysOfRecords.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<Integer, Integer> firstWithKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (int key : keysOfRecords.get(i)) {
                Integer first = firstWithKey.putIfAbsent(key, i);
                if (first != null) {
                    parent[find(parent, i)] = find(parent, first);
                }
            }
        }
        Map<Integer, Set<String>> groups = new HashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), r -> new HashSet<>()).add("r" + i);
        }
        return new HashSet<>(groups.values());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }
}
