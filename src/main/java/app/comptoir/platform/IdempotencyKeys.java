package app.comptoir.platform;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The {@code Idempotency-Key} header of every endpoint that accepts one: validated once, and turned into
 * an id of the current business, so that a retried request finds the first one's result. Keys are scoped
 * per business: two businesses may use the same key.
 */
@Component
public class IdempotencyKeys {

    /** The header's name. */
    public static final String HEADER = "Idempotency-Key";

    /** The longest key accepted. */
    public static final int MAX_LENGTH = 100;

    private final TenantContext tenantContext;

    public IdempotencyKeys(TenantContext tenantContext) {
        this.tenantContext = tenantContext;
    }

    /**
     * The key sent, stripped, or empty when none was sent; a key that is too long or holds control
     * characters is refused with a field error on {@code Idempotency-Key}.
     */
    public Optional<String> key(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String key = header.strip();
        if (key.length() > MAX_LENGTH) {
            throw InvalidInputException.field(HEADER, "must be at most " + MAX_LENGTH + " characters");
        }
        if (key.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInputException.field(HEADER, "must not contain control characters");
        }
        return Optional.of(key);
    }

    /** An id derived from the key, the same on every retry and different in every business. */
    public UUID idFor(String key) {
        return UUID.nameUUIDFromBytes((tenantContext.requireTenant() + ":" + key).getBytes(StandardCharsets.UTF_8));
    }
}
