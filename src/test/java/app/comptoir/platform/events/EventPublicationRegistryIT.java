package app.comptoir.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.PasswordResetRequested;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * The event publication registry in place of Spring Modulith's: a listener's publication is never marked
 * "processing", and is deleted within moments of the listener's completion, in batches.
 */
@IntegrationTest
class EventPublicationRegistryIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BatchedCompletions completions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theApplicationHasOneRegistryTheDeferredOne() {
        assertThat(context.getBeansOfType(EventPublicationRegistry.class)).hasSize(1);
        assertThat(AopUtils.getTargetClass(context.getBean(EventRegistryConfiguration.REGISTRY)))
                .isEqualTo(DeferredCompletionRegistry.class);
    }

    @Test
    void aListenersPublicationIsStoredWithTheChangeAndGoneOnceTheListenerCompleted() {
        Account admin = Api.newBusiness(port, "Registre");
        String token = "reset-" + UUID.randomUUID();
        PasswordResetRequested event = new PasswordResetRequested(admin.tenantId(), admin.userId(), admin.email(),
                "Camille", "fr", token, Instant.now().plus(30, ChronoUnit.MINUTES));
        List<String> seen = new CopyOnWriteArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));

        // The listener ran (the mail is queued, once) and its publication went; while it was there, it was never
        // marked as processing.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() -> {
            List<String> now = statuses(token);
            seen.addAll(now);
            return now.isEmpty();
        });
        assertThat(seen).allMatch("PUBLISHED"::equals);
        Api.as(port, admin).get("/api/v1/notifications/mails").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].recipient", equalTo(admin.email()));
    }

    @Test
    void completedPublicationsAreDeletedTogetherWithinMoments() {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (UUID id : ids) {
            jdbc.update("""
                    insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                                   status, completion_attempts)
                    values (?, 'test.batched-completions', 'test', '{}', now(), 'PUBLISHED', 1)""", id);
        }
        UUID stillRunning = UUID.randomUUID();
        jdbc.update("""
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                                               completion_attempts)
                values (?, 'test.batched-completions', 'test', '{}', now(), 'PUBLISHED', 1)""", stillRunning);

        ids.forEach(completions::completed);
        await().atMost(Duration.ofSeconds(2)).until(() -> jdbc.queryForObject(
                "select count(*) from event_publication where id = any(?)", Integer.class,
                (Object) ids.toArray(UUID[]::new)) == 0);
        assertThat(completions.pending()).isZero();
        // A publication whose listener has not completed stays, for the resubmission.
        assertThat(jdbc.queryForObject("select count(*) from event_publication where id = ?", Integer.class,
                stillRunning)).isEqualTo(1);
        jdbc.update("delete from event_publication where id = ?", stillRunning);
    }

    private List<String> statuses(String token) {
        return jdbc.queryForList("select status from event_publication where serialized_event like ?", String.class,
                "%" + token + "%");
    }
}
