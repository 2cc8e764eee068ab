package app.comptoir.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code comptoir.api.rate-limit}: how many requests to the staff JSON API ({@code /api/v1/**} with a
 * bearer token) one business and one user may make per window, counted on each node (0 turns a limit off).
 */
@ConfigurationProperties("comptoir.api.rate-limit")
public record ApiRateLimits(
        @DefaultValue("1200") int perBusiness,
        @DefaultValue("600") int perUser,
        @DefaultValue("60s") Duration window) {

    /** Whether either limit is on. */
    public boolean enabled() {
        return perBusiness > 0 || perUser > 0;
    }
}
