package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DemoProgressTest {

    @Test
    void nothingIsLoadingUntilTheDemoBegins() throws InterruptedException {
        DemoProgress progress = new DemoProgress();
        progress.reach(40);
        assertThat(progress.status()).isEqualTo(new DemoProgress.Status(DemoProgress.State.IDLE, 0));
        assertThat(progress.loading()).isFalse();
        assertThat(progress.awaitLoaded(Duration.ZERO)).isTrue();
    }

    @Test
    void progressOnlyGoesForwardAndReachesAHundredWhenFinished() throws InterruptedException {
        DemoProgress progress = new DemoProgress();
        progress.begin();
        progress.reach(35);
        progress.reach(15);
        assertThat(progress.status()).isEqualTo(new DemoProgress.Status(DemoProgress.State.LOADING, 35));
        progress.reach(250);
        assertThat(progress.status().percent()).isEqualTo(99);
        assertThat(progress.awaitLoaded(Duration.ofMillis(10))).isFalse();
        progress.finish();
        assertThat(progress.status()).isEqualTo(new DemoProgress.Status(DemoProgress.State.LOADED, 100));
        assertThat(progress.awaitLoaded(Duration.ZERO)).isTrue();
    }
}
