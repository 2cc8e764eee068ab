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
                     @DefaultValue("0") int poolSize) {
        public boolean external() {
            return url != null && !url.isBlank();
        }

        /**
         * Connections in the pool: {@code poolSize} if set, else 20 for an external database and 4 per core
         * for the embedded one, which shares this machine's cores: more backends than that only queue for
         * the CPU while holding locks (on 2 cores, order placement used less database CPU per order with 8
         * connections than with 20, see bench/README.md).
         */
        public int connections() {
            if (poolSize > 0) {
                return poolSize;
            }
            return external() ? 20 : 4 * Runtime.getRuntime().availableProcessors();
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
