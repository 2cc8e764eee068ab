package app.comptoir.platform;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} header of every endpoint that accepts one: validated once, and turned into
 * an id of the current business, so that a retried request finds the first one's result. Keys are scoped
 * per business: two businesses may use the same key.
 *
 * <p>With the key (or a client-chosen id) the endpoint stores the {@link #requestHash hash of the request}:
 * the same key with another request is refused ({@link #reused}, 422 {@code idempotency-key-reused}) instead
 * of being answered with the first result, and a replay of the same request is answered with the first
 * result, status 200 and the header {@value #REPLAYED_HEADER}{@code : true} ({@link #answer}).
 */
@Component
public class IdempotencyKeys {

    /** The header's name. */
    public static final String HEADER = "Idempotency-Key";

    /** The longest key accepted. */
    public static final int MAX_LENGTH = 100;

    /** The header that marks the answer of a replay (the first result, answered again). */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** The problem type of a key (or client id) sent again with another request. */
    public static final String REUSED = "idempotency-key-reused";

    private final TenantContext tenantContext;
    private final JsonMapper json;

    public IdempotencyKeys(TenantContext tenantContext, JsonMapper json) {
        this.tenantContext = tenantContext;
        this.json = json;
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

    /**
     * The SHA-256 (hex) of the request's method, path and canonical body: the body as parsed, written back
     * as JSON, so that spacing, member order and unknown members do not count.
     */
    public String requestHash(HttpServletRequest request, Object body) {
        String canonical = request.getMethod() + " " + request.getRequestURI() + "\n" + json.writeValueAsString(body);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether a retry is the request stored with the key; a hash not recorded (null) matches anything. */
    public static boolean sameRequest(String stored, String sent) {
        return stored == null || sent == null || stored.equals(sent);
    }

    /** The refusal of a key (or client id) sent again with another request than the first time. */
    public static ComptoirException reused(String what) {
        return new KeyReusedException(what + " was already used for another request");
    }

    /** 201 (with its location) for a new result; 200 with {@value #REPLAYED_HEADER}{@code : true} for a replay. */
    public static <T> ResponseEntity<T> answer(T body, boolean replayed, URI location) {
        if (replayed) {
            return ResponseEntity.ok().header(REPLAYED_HEADER, "true").body(body);
        }
        return location == null ? ResponseEntity.status(HttpStatus.CREATED).body(body)
                : ResponseEntity.created(location).body(body);
    }

    /** 422 {@code idempotency-key-reused}. */
    private static final class KeyReusedException extends ComptoirException {

        KeyReusedException(String detail) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, REUSED, detail);
        }
    }
}
