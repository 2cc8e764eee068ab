package app.comptoir.support;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.comptoir.identity.ColleagueInvited;
import app.comptoir.identity.PasswordResetRequested;

/**
 * The links identity asks notifications to e-mail, as the mailbox would receive them: every
 * {@link PasswordResetRequested} and {@link ColleagueInvited} published in an integration test (picked up by
 * component scanning, like {@link SqlStatementCounter}, so the shared context stays the same for every class).
 */
@Component
public class IdentityLinks {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<PasswordResetRequested> resets = new CopyOnWriteArrayList<>();
    private final List<ColleagueInvited> invitations = new CopyOnWriteArrayList<>();

    @EventListener
    void on(PasswordResetRequested event) {
        resets.add(event);
    }

    @EventListener
    void on(ColleagueInvited event) {
        invitations.add(event);
    }

    /** The reset e-mails sent to the address so far. */
    public List<PasswordResetRequested> resetsFor(String email) {
        return resets.stream().filter(e -> e.email().equalsIgnoreCase(email)).toList();
    }

    /** The reset e-mail number {@code n} (from 1) to the address, waiting for it (asking is answered before it is sent). */
    public PasswordResetRequested reset(String email, int n) {
        return Awaitility.await().atMost(WAIT).until(() -> resetsFor(email), list -> list.size() >= n).get(n - 1);
    }

    /** The token of the latest invitation e-mailed to the address. */
    public ColleagueInvited latestInvitation(String email) {
        Optional<ColleagueInvited> latest = invitations.stream().filter(e -> e.email().equalsIgnoreCase(email))
                .reduce((first, second) -> second);
        return latest.orElseThrow(() -> new AssertionError("no invitation e-mailed to " + email));
    }
}
