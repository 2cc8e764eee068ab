package app.comptoir.channels.application;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of {@code comptoir.channels}: the seal's key ({@code encryption-key}, Base64 of 32 bytes, else a key
 * kept in the data directory; {@code previous-encryption-keys} still open older rows), the random spacing between two
 * writes of one account ({@code vinted.spacing-min}/{@code spacing-max}, 20 to 50 s), the throttle of
 * wrong pairing codes ({@code pairing.failures-per-address}, 10 per 15 minutes), whether jobs run in the background through db-scheduler ({@code jobs.background}; tests run them by hand), and the
 * periodic check of published listings ({@code sync}).
 */
@ConfigurationProperties("comptoir.channels")
public record ChannelSettings(String encryptionKey, List<String> previousEncryptionKeys,
                              @DefaultValue Vinted vinted, @DefaultValue JobsSettings jobs,
                              @DefaultValue Pairing pairing, @DefaultValue Sync sync) {

    /**
     * The periodic check of published listings on their marketplace (sold or hidden there): how often the sweep runs,
     * how long a listing's last check stays fresh, and how many listings of a business one sweep checks at most
     * (those checked longest ago first), so that a large wardrobe is read a little at a time.
     */
    public record Sync(@DefaultValue("1h") Duration every, @DefaultValue("6h") Duration freshFor,
                       @DefaultValue("30") int batch) {
    }

    /** The pairing codes' throttle: wrong claims allowed per client address in 15 minutes. */
    public record Pairing(@DefaultValue("10") int failuresPerAddress) {
    }

    /** Vinted's pace, and how many of the product's pictures a listing sends (each upload is a write). */
    public record Vinted(@DefaultValue("20s") Duration spacingMin, @DefaultValue("50s") Duration spacingMax,
                         @DefaultValue("5") int photos) {
    }

    /** The job runner. */
    public record JobsSettings(@DefaultValue("true") boolean background, @DefaultValue("1m") Duration unknownRetry) {
    }
}
