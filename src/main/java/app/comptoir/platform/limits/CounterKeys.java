package app.comptoir.platform.limits;

import app.comptoir.platform.SharedCounters;

/** Counter keys of a bounded length, whatever a client sent as its address. */
final class CounterKeys {

    /** Longer keys (no real address or id makes one) are replaced by their SHA-256. */
    static final int MAX = 200;

    private CounterKeys() {
    }

    static String bounded(String key) {
        return SharedCounters.bounded(key, MAX);
    }
}
