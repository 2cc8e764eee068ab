package app.comptoir.channels.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorCauseTest {

    @Test
    void theRunnersMessagesAreReadAsTheirCause() {
        assertThat(ErrorCause.of("Vinted: too many requests; resumes at 2026-12-06T14:32:00Z"))
                .isEqualTo(ErrorCause.RATE_LIMITED);
        assertThat(ErrorCause.of("Vinted showed an anti-bot challenge")).isEqualTo(ErrorCause.CHALLENGED);
        assertThat(ErrorCause.of("Vinted no longer accepts the session")).isEqualTo(ErrorCause.SESSION_EXPIRED);
        assertThat(ErrorCause.of("Vinted refused the request (HTTP 400): price too low")).isEqualTo(ErrorCause.REJECTED);
        assertThat(ErrorCause.of("Vinted failed (HTTP 502)")).isEqualTo(ErrorCause.NO_ANSWER);
        assertThat(ErrorCause.of(null)).isEqualTo(ErrorCause.OTHER);
    }
}
