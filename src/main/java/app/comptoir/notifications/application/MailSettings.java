package app.comptoir.notifications.application;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import app.comptoir.notifications.domain.MailRetries;

/**
 * Settings under {@code comptoir.mail.*} (the SMTP server itself is Spring Boot's {@code spring.mail.*}).
 *
 * @param from        the sender of every e-mail, e.g. {@code Comptoir <ne-pas-repondre@example.com>}
 * @param retryDelays the delay after each failed attempt; after the last one the mail stays FAILED
 */
@ConfigurationProperties("comptoir.mail")
public record MailSettings(
        @DefaultValue("Comptoir <ne-pas-repondre@comptoir.localhost>") String from,
        @DefaultValue({"1m", "5m", "30m", "2h", "6h"}) List<Duration> retryDelays) {

    /** The retry schedule. */
    public MailRetries retries() {
        return new MailRetries(retryDelays);
    }
}
