package org.omnichannel.core.event;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fast path agrees with the JDK's parser on every text: same instant, or the same refusal. */
class IsoInstantsTest {

    @Example
    void the_shapes_vendors_send() {
        assertThat(IsoInstants.parse("2026-11-23T08:15:00Z")).isEqualTo(Instant.parse("2026-11-23T08:15:00Z"));
        assertThat(IsoInstants.parse("2008-01-10T11:00:00-05:00")).isEqualTo(Instant.parse("2008-01-10T16:00:00Z"));
        assertThat(IsoInstants.parse("2020-02-06T21:27:30.792Z")).isEqualTo(Instant.parse("2020-02-06T21:27:30.792Z"));
        assertThat(IsoInstants.parse("2024-02-29T23:59:59.123456789+08:00"))
                .isEqualTo(Instant.parse("2024-02-29T15:59:59.123456789Z"));
    }

    @Example
    void what_the_jdk_refuses_is_refused_with_the_jdk_message() {
        assertThatThrownBy(() -> IsoInstants.parse("2023-02-29T10:00:00Z")).isInstanceOf(DateTimeParseException.class)
                .hasMessageContaining("2023-02-29T10:00:00Z");
        assertThatThrownBy(() -> IsoInstants.parse("2026-11-23 08:15:00")).isInstanceOf(DateTimeParseException.class);
    }

    @Property(tries = 3000)
    void agrees_with_offset_date_time_parse(@ForAll("isoLike") String text) {
        Instant expected;
        try {
            expected = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException refused) {
            assertThatThrownBy(() -> IsoInstants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(IsoInstants.parse(text)).as(text).isEqualTo(expected);
    }

    @Property(tries = 2000)
    void reads_back_any_instant_written_with_any_offset(@ForAll("instants") Instant instant,
                                                        @ForAll("offsets") java.time.ZoneOffset offset) {
        String text = OffsetDateTime.ofInstant(instant, offset).toString();

        assertThat(IsoInstants.parse(text)).as(text).isEqualTo(instant);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("9999-12-30T00:00:00Z").getEpochSecond())
                .flatMap(seconds -> Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999),
                                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000))
                        .map(nanos -> Instant.ofEpochSecond(seconds, nanos)));
    }

    @Provide
    Arbitrary<java.time.ZoneOffset> offsets() {
        return Arbitraries.integers().between(-18 * 4, 18 * 4).map(quarters -> java.time.ZoneOffset.ofTotalSeconds(quarters * 900));
    }

    @Provide
    Arbitrary<String> isoLike() {
        Arbitrary<String> year = Arbitraries.oneOf(Arbitraries.integers().between(0, 9999).map(y -> String.format("%04d", y)),
                Arbitraries.of("+10000", "-0001", "999", "20x6"));
        Arbitrary<String> two = Arbitraries.oneOf(Arbitraries.integers().between(0, 61).map(v -> String.format("%02d", v)),
                Arbitraries.of("7", "1a", "123"));
        Arbitrary<String> separator = Arbitraries.of("T", "T", "T", "t", " ");
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(11).map(digits -> "." + digits),
                Arbitraries.of(".5", ",5"));
        Arbitrary<String> offset = Arbitraries.oneOf(Arbitraries.of("Z", "Z", "z", "", "+00:00", "-00:00", "+18:00", "-18:00",
                        "+18:01", "+05", "+0530", "+05:30:15", "UTC"),
                Combinators.combine(Arbitraries.of("+", "-"), Arbitraries.integers().between(0, 19),
                        Arbitraries.integers().between(0, 61)).as((sign, h, m) -> String.format("%s%02d:%02d", sign, h, m)));
        return Combinators.combine(year, two, two, separator, two, two, two, fraction)
                .as((y, mo, d, t, h, mi, s, f) -> y + "-" + mo + "-" + d + t + h + ":" + mi + ":" + s + f)
                .flatMap(dateTime -> offset.map(o -> dateTime + o));
    }
}
