package app.comptoir.channels.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateBadgeTest {

    @Test
    void theDefaultCapOfFortyIsGreenUnderThirtyOrangeFromThirtyAndRedFromThirtyEight() {
        assertThat(RateBadge.of(0, 40)).isEqualTo(RateBadge.GREEN);
        assertThat(RateBadge.of(29, 40)).isEqualTo(RateBadge.GREEN);
        assertThat(RateBadge.of(30, 40)).isEqualTo(RateBadge.ORANGE);
        assertThat(RateBadge.of(37, 40)).isEqualTo(RateBadge.ORANGE);
        assertThat(RateBadge.of(38, 40)).isEqualTo(RateBadge.RED);
        assertThat(RateBadge.of(40, 40)).isEqualTo(RateBadge.RED);
    }

    @Test
    void anotherCapScalesTheSameWay() {
        assertThat(RateBadge.of(15, 20)).isEqualTo(RateBadge.ORANGE);
        assertThat(RateBadge.of(19, 20)).isEqualTo(RateBadge.RED);
        assertThat(RateBadge.of(14, 20)).isEqualTo(RateBadge.GREEN);
    }
}
