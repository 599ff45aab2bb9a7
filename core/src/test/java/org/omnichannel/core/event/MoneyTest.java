package org.omnichannel.core.event;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void decimal_amounts_become_minor_units_of_their_currency() {
        assertThat(Money.of("12.50", "EUR")).isEqualTo(new Money(1250, "EUR"));
        assertThat(Money.of("1299", "CNY")).isEqualTo(new Money(129900, "CNY"));
        assertThat(Money.of("500", "JPY")).isEqualTo(new Money(500, "JPY"));
        assertThat(Money.of("1.234", "KWD")).isEqualTo(new Money(1234, "KWD"));
    }

    @Test
    void refuses_amounts_that_would_lose_a_fraction() {
        assertThatThrownBy(() -> Money.of("12.345", "EUR")).hasMessageContaining("does not fit 2 decimal places");
        assertThatThrownBy(() -> Money.of("5.5", "JPY")).hasMessageContaining("does not fit 0 decimal places");
    }

    @Test
    void refuses_currencies_that_are_not_iso_4217() {
        assertThatThrownBy(() -> new Money(1, "RMB")).hasMessageContaining("'RMB' is not an ISO 4217 code");
        assertThatThrownBy(() -> new Money(1, "eur")).hasMessageContaining("'eur' is not an ISO 4217 code");
        assertThatThrownBy(() -> Money.of("abc", "EUR")).hasMessageContaining("'abc' is not a decimal number");
    }

    @Test
    void arithmetic_keeps_the_currency_and_refuses_to_mix_them() {
        assertThat(new Money(1250, "EUR").plus(new Money(50, "EUR")).toDecimal()).isEqualTo(new BigDecimal("13.00"));
        assertThat(new Money(1250, "EUR").minus(new Money(1300, "EUR"))).isEqualTo(new Money(-50, "EUR"));
        assertThatThrownBy(() -> new Money(1, "EUR").plus(new Money(1, "CNY"))).hasMessageContaining("cannot combine EUR with CNY");
    }
}
