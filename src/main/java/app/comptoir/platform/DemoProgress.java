package app.comptoir.platform;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * How far the demo data of a first start has come, so that the back office can show a banner
 * ("Données de démonstration : 42 %") while the data fills in behind working logins, and tests and
 * benchmarks can wait for it deterministically instead of sleeping.
 *
 * <p>Identity's demo creates the logins, {@link #begin() begins} and {@link #finish() finishes}; each
 * module's demo loader {@link #reach(int) reaches} its share as it completes (the shares are rough
 * fractions of the time each part takes, the garden shop's order history being most of it). Without demo
 * data to load (an existing database, demo mode off) the state is {@link State#IDLE} and nothing shows.
 */
@Component
public class DemoProgress {

    /** Where the demo data stands. */
    public enum State { IDLE, LOADING, LOADED }

    /** What the banner and the status endpoint show. */
    public record Status(State state, int percent) {
    }

    private volatile State state = State.IDLE;
    private final AtomicInteger percent = new AtomicInteger();
    private final CountDownLatch loaded = new CountDownLatch(1);

    /** The demo data starts loading (the logins exist). */
    public void begin() {
        percent.set(0);
        state = State.LOADING;
    }

    /** At least {@code value} % is loaded; never goes back, never reaches 100 before {@link #finish()}. */
    public void reach(int value) {
        if (state == State.LOADING) {
            percent.accumulateAndGet(Math.clamp(value, 0, 99), Math::max);
        }
    }

    /** Every module has loaded its demo data (or given up: the log says why). */
    public void finish() {
        percent.set(100);
        state = State.LOADED;
        loaded.countDown();
    }

    public Status status() {
        State now = state;
        return new Status(now, now == State.IDLE ? 0 : percent.get());
    }

    /** Whether the banner should show. */
    public boolean loading() {
        return state == State.LOADING;
    }

    /** Waits until the demo data is loaded; true at once when none is being loaded. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return state != State.LOADING || loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
