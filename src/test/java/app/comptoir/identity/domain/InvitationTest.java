package app.comptoir.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.comptoir.platform.Role;

class InvitationTest {

    private static final Instant SENT = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void anInvitationIsPendingForSevenDaysThenExpired() {
        Invitation invitation = invitation(null, null);
        assertThat(invitation.status(SENT.plus(Duration.ofDays(7)).minusSeconds(1))).isEqualTo(Invitation.Status.PENDING);
        assertThat(invitation.status(SENT.plus(Duration.ofDays(7)))).isEqualTo(Invitation.Status.EXPIRED);
        assertThat(invitation.open()).isTrue();
    }

    @Test
    void anAcceptedOrRevokedInvitationStaysSoAfterItsExpiry() {
        Instant later = SENT.plus(Duration.ofDays(30));
        assertThat(invitation(SENT.plusSeconds(60), null).status(later)).isEqualTo(Invitation.Status.ACCEPTED);
        assertThat(invitation(null, SENT.plusSeconds(60)).status(later)).isEqualTo(Invitation.Status.REVOKED);
        assertThat(invitation(null, SENT.plusSeconds(60)).open()).isFalse();
    }

    private static Invitation invitation(Instant acceptedAt, Instant revokedAt) {
        return new Invitation(UUID.randomUUID(), UUID.randomUUID(), "camille@example.test", Role.MANAGER, null, "Rose",
                SENT, SENT, SENT.plus(Duration.ofDays(7)), acceptedAt, revokedAt);
    }
}
