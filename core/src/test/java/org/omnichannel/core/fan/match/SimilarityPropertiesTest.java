package org.omnichannel.core.fan.match;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SimilarityPropertiesTest {

    @Property(tries = 3000)
    void the_fast_jaro_winkler_gives_the_same_figure_as_commons_text(
            @ForAll @StringLength(max = 14) @CharRange(from = 'a', to = 'f') String a,
            @ForAll @StringLength(max = 14) @CharRange(from = 'a', to = 'f') String b) {
        assertThat(Similarity.jaroWinkler(a, b)).isCloseTo(Similarity.referenceJaroWinkler(a, b), within(1e-12));
    }

    @Property(tries = 300)
    void long_strings_agree_too(@ForAll @StringLength(min = 60, max = 80) @CharRange(from = 'a', to = 'c') String a,
                                @ForAll @StringLength(min = 1, max = 70) @CharRange(from = 'a', to = 'c') String b) {
        assertThat(Similarity.jaroWinkler(a, b)).isCloseTo(Similarity.referenceJaroWinkler(a, b), within(1e-12));
    }
}
