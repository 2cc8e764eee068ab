package app.comptoir.channels.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RateCapTest {

    private static final Instant T = Instant.parse("2026-12-06T10:00:00Z");
    private final RateCap cap = new RateCap(40, Duration.ofHours(2));

    private static List<Instant> writes(int count, Instant from, Duration step) {
        List<Instant> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(from.plus(step.multipliedBy(i)));
        }
        return list;
    }

    @Test
    void theFortyFirstWriteWaitsUntilTheOldestLeavesTheWindow() {
        List<Instant> forty = writes(40, T, Duration.ofMinutes(1));
        assertThat(cap.decide(T.plus(Duration.ofMinutes(50)), forty, null, null))
                .isEqualTo(new RateCap.Wait(T.plus(Duration.ofHours(2)), "CAP"));
        assertThat(cap.decide(T.plus(Duration.ofHours(2)), forty, null, null)).isInstanceOf(RateCap.Go.class);
    }

    @Test
    void thirtyNineWritesLeaveRoomForOneMore() {
        assertThat(cap.decide(T.plus(Duration.ofMinutes(50)), writes(39, T, Duration.ofMinutes(1)), null, null))
                .isInstanceOf(RateCap.Go.class);
    }

    @Test
    void aPauseAndTheSpacingMakeTheWriteWait() {
        assertThat(cap.decide(T, List.of(), null, T.plusSeconds(900))).isEqualTo(new RateCap.Wait(T.plusSeconds(900), "PAUSED"));
        assertThat(cap.decide(T, List.of(), T.plusSeconds(25), null)).isEqualTo(new RateCap.Wait(T.plusSeconds(25), "SPACING"));
        assertThat(cap.decide(T, List.of(), T.minusSeconds(1), T.minusSeconds(1))).isInstanceOf(RateCap.Go.class);
    }

    @Test
    void theUsageCountsTheWindowAndSaysWhenItsOldestWriteLeaves() {
        List<Instant> some = writes(7, T.minus(Duration.ofHours(3)), Duration.ofMinutes(30));
        RateCap.Usage usage = cap.usage(T, some);
        assertThat(usage.used()).isEqualTo(4);
        assertThat(usage.remaining()).isEqualTo(36);
        assertThat(usage.resetAt()).isEqualTo(T.minus(Duration.ofMinutes(90)).plus(Duration.ofHours(2)));
        assertThat(cap.usage(T, List.of())).isEqualTo(new RateCap.Usage(0, 40, null));
    }
}
