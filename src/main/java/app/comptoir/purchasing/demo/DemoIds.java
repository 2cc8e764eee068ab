package app.comptoir.purchasing.demo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The demo's ids: derived from names, so the same start makes the same rows and a replay finds them. */
final class DemoIds {

    private DemoIds() {
    }

    static UUID of(String... parts) {
        return UUID.nameUUIDFromBytes(("comptoir-demo:purchasing:" + String.join(":", parts))
                .getBytes(StandardCharsets.UTF_8));
    }
}
