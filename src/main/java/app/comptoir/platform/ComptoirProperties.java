package app.comptoir.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings under {@code comptoir.*}: data directory, database, security and demo mode. */
@ConfigurationProperties("comptoir")
public record ComptoirProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Db db,
        @DefaultValue Security security,
        @DefaultValue Demo demo) {

    /** External database coordinates; blank url means the embedded PostgreSQL. */
    public record Db(String url, String user, String password, @DefaultValue("0") int embeddedPort,
                     @DefaultValue("20") int poolSize) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /** Token lifetimes, JWT secret, CORS origins and login throttling. */
    public record Security(
            String jwtSecret,
            @DefaultValue("15m") Duration accessTokenTtl,
            @DefaultValue("30d") Duration refreshTokenTtl,
            @DefaultValue List<String> corsAllowedOrigins,
            @DefaultValue Login login) {
    }

    /** Login throttling: failed attempts per account and attempts per client address. */
    public record Login(
            @DefaultValue("5") int failuresPerAccount,
            @DefaultValue("15m") Duration accountWindow,
            @DefaultValue("30") int attemptsPerIp,
            @DefaultValue("1m") Duration ipWindow) {
    }

    /** Demo mode: {@code enabled} blank means "on with the embedded database, off with an external one". */
    public record Demo(String enabled, @DefaultValue("comptoir-demo-2026") String password) {
    }

    /** Whether demo tenants are created on first start. */
    public boolean demoEnabled() {
        if (demo.enabled() == null || demo.enabled().isBlank()) {
            return !db.external();
        }
        return Boolean.parseBoolean(demo.enabled().trim());
    }
}
