package app.comptoir.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.comptoir.storefront.ShopperPasswordResetRequested;
import app.comptoir.storefront.ShopperRegistered;
import app.comptoir.storefront.ShopperVerificationRequested;

/**
 * The links the storefront asks notifications to e-mail to shoppers, as their mailbox would receive them (picked up
 * by component scanning, like {@link IdentityLinks}, so the shared context stays the same for every class).
 */
@Component
public class ShopperLinks {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** One e-mailed link: to whom, what for (VERIFY or RESET), its token. */
    public record Link(String email, String purpose, String token) {
    }

    private final List<Link> links = new CopyOnWriteArrayList<>();

    @EventListener
    void on(ShopperRegistered e) {
        links.add(new Link(e.email(), "VERIFY", e.token()));
    }

    @EventListener
    void on(ShopperVerificationRequested e) {
        links.add(new Link(e.email(), "VERIFY", e.token()));
    }

    @EventListener
    void on(ShopperPasswordResetRequested e) {
        links.add(new Link(e.email(), "RESET", e.token()));
    }

    /** The links of this purpose e-mailed to the address so far, oldest first. */
    public List<Link> to(String email, String purpose) {
        return links.stream().filter(l -> l.email().equalsIgnoreCase(email) && l.purpose().equals(purpose)).toList();
    }

    /** The latest link of this purpose e-mailed to the address, waiting for the {@code n}-th. */
    public String token(String email, String purpose, int n) {
        return Awaitility.await().atMost(WAIT).until(() -> to(email, purpose), l -> l.size() >= n).get(n - 1).token();
    }
}
