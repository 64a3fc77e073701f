package org.independentstudy.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RegisterDayValueTest {

    @Test
    @DisplayName("ATT-03 ATT-04 a day with work but no synchronous minutes counts the work's judged time value against the minimum day")
    void workWithoutSynchronousMinutes() {
        assertThat(RegisterDayValue.of(120, 0, 240)).isEqualByComparingTo("0.5");
        assertThat(RegisterDayValue.of(90, 0, 180)).isEqualByComparingTo("0.5");
    }

    @Test
    @DisplayName("ATT-03 work and synchronous minutes add up; exactly the minimum day is one day, one minute short is less")
    void exactlyTheMinimumDay() {
        assertThat(RegisterDayValue.of(200, 40, 240)).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(RegisterDayValue.of(199, 40, 240)).isEqualByComparingTo("0.9958");
    }

    @Test
    @DisplayName("ATT-03 more work than a day earns one day, never more (work is not banked)")
    void cappedAtOneDay() {
        assertThat(RegisterDayValue.of(600, 60, 240)).isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    @DisplayName("ATT-04 negative minutes or a minimum day of zero are a programming error, not a value")
    void nonsenseRefused() {
        assertThatThrownBy(() -> RegisterDayValue.of(-1, 0, 240)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegisterDayValue.of(10, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
