package app.comptoir.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.comptoir.platform.InvalidInputException;

class FloorCursorTest {

    private static final Instant START = Instant.parse("2026-12-07T08:00:00.123456Z");

    @Test
    void aCursorComesBackAsItWasGiven() {
        UUID variant = UUID.randomUUID();
        UUID location = UUID.randomUUID();
        FloorCursor levels = FloorCursor.first().startedAt(START).afterLevel(variant, location);
        assertThat(FloorCursor.decode(levels.encode())).isEqualTo(levels);
        FloorCursor variants = FloorCursor.first().startedAt(START).afterVariant(variant);
        assertThat(FloorCursor.decode(variants.encode())).isEqualTo(variants);
    }

    @Test
    void theNextPassStartsABitBeforeThePreviousOneBeganAndKeepsItsStart() {
        FloorCursor next = FloorCursor.first().startedAt(START).nextPass();
        assertThat(next.since()).isEqualTo(START.minus(FloorCursor.OVERLAP));
        assertThat(next.passStart()).isNull();
        assertThat(next.phase()).isEqualTo(FloorCursor.Phase.VARIANTS);
        assertThat(next.startedAt(START.plusSeconds(60)).passStart()).isEqualTo(START.plusSeconds(60));
        FloorCursor started = next.startedAt(START.plusSeconds(60));
        assertThat(started.startedAt(START.plusSeconds(120)).passStart()).as("a pass keeps its start")
                .isEqualTo(START.plusSeconds(60));
    }

    @Test
    void blankIsTheFirstPassAndAnythingElseIsRefusedOnTheCursorField() {
        assertThat(FloorCursor.decode(" ")).isEqualTo(FloorCursor.first());
        assertThat(FloorCursor.decode(null)).isEqualTo(FloorCursor.first());
        for (String bad : new String[] {"not-a-cursor", encode("f1|x|||VARIANTS||"), encode("f2||||VARIANTS||"),
                encode("f1||||LEVELS|" + UUID.randomUUID() + "|"), encode("f1||||NOPE||")}) {
            assertThatThrownBy(() -> FloorCursor.decode(bad)).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors().getFirst().field())
                            .isEqualTo("cursor"));
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes());
    }
}
