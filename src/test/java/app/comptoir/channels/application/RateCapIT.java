package app.comptoir.channels.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.channels.ChannelsTesting;
import app.comptoir.channels.FakeVinted;
import app.comptoir.channels.domain.JobState;
import app.comptoir.channels.persistence.AccountStore;
import app.comptoir.channels.persistence.PublicationJobStore;
import app.comptoir.channels.persistence.ListingStore;
import app.comptoir.platform.TenantContext;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.MovableClock;
import app.comptoir.support.SecondNode;

/**
 * The rate cap and the pauses with a clock the test moves: two application nodes (this test's and a second one
 * started beside it, each with its own connection pool, sharing the database) never send more than 40 writes of one account in 2 hours; the 41st publication
 * waits, and runs once the clock has moved past the window; an anti-bot challenge pauses 30 minutes, then 60; a
 * publication whose answer was lost is looked up in the wardrobe instead of being sent twice.
 */
@IntegrationTest
class RateCapIT {

    @LocalServerPort
    int port;

    @Autowired
    PublicationJobStore jobStore;

    @Autowired
    ListingStore listingStore;

    @Autowired
    AccountStore accountStore;

    @Autowired
    ChannelSecrets secrets;

    @Autowired
    List<MarketplaceAdapter> adapters;

    @Autowired
    TenantContext tenants;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ChannelSettings settings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    app.comptoir.inventory.StockMovements stockMovements;

    @Autowired
    Listings listings;

    @Autowired
    ListingPhotos listingPhotos;

    private final FakeVinted vinted = FakeVinted.shared();

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** A runner of its own on this node, on the moved clock. */
    private PublicationJobs runner(MovableClock clock) {
        WriteSlots slots = new WriteSlots(accountStore, transactions, clock, settings);
        return new PublicationJobs(jobStore, listingStore, accountStore, secrets, slots, adapters, tenants,
                transactions, clock, settings, stockMovements, listings, listingPhotos);
    }

    /** A runner made of another node's beans (its own connection pool, transactions and keys), on the moved clock. */
    @SuppressWarnings("unchecked")
    private static PublicationJobs runner(SecondNode node, MovableClock clock) {
        AccountStore accounts = node.bean(AccountStore.class);
        PlatformTransactionManager tx = node.bean(PlatformTransactionManager.class);
        ChannelSettings nodeSettings = node.bean(ChannelSettings.class);
        List<MarketplaceAdapter> nodeAdapters = List.copyOf(
                node.context().getBeansOfType(MarketplaceAdapter.class).values());
        return new PublicationJobs(node.bean(PublicationJobStore.class), node.bean(ListingStore.class), accounts,
                node.bean(ChannelSecrets.class), new WriteSlots(accounts, tx, clock, nodeSettings), nodeAdapters,
                node.bean(TenantContext.class), tx, clock, nodeSettings,
                node.bean(app.comptoir.inventory.StockMovements.class), node.bean(Listings.class),
                node.bean(ListingPhotos.class));
    }

    private PublicationJobStore.Job job(Account admin, UUID id) {
        return tenants.callAs(admin.tenantId(), () -> new TransactionTemplate(transactions)
                .execute(s -> jobStore.find(admin.tenantId(), id).orElseThrow()));
    }

    private AccountStore.Stored account(Account admin, UUID id) {
        return tenants.callAs(admin.tenantId(), () -> new TransactionTemplate(transactions)
                .execute(s -> accountStore.find(admin.tenantId(), id).orElseThrow()));
    }

    private long creates(FakeVinted.Login login) {
        return vinted.calls(login).stream().filter(c -> c.path().equals("/api/v2/item_upload/items")).count();
    }

    @Test
    void twoNodesSharingTheDatabaseNeverSendMoreThanFortyWritesInTwoHoursAndTheFortyFirstWaitsForTheWindow()
            throws Exception {
        Account admin = Api.newBusiness(port, "Friperie plafond");
        FakeVinted.Login login = vinted.login("plafond");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);
        List<UUID> jobs = new ArrayList<>();
        for (int i = 1; i <= 41; i++) {
            UUID listing = ChannelsTesting.draft(port, admin, account, "Article numéro " + i, "10");
            jobs.add(ChannelsTesting.publish(port, admin, listing));
        }
        MovableClock clock = new MovableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plusSeconds(1));
        PublicationJobs nodeA = runner(clock);
        SecondNode second = SecondNode.beside(context);
        try (second) {
            PublicationJobs nodeB = runner(second, clock);

            ExecutorService nodes = Executors.newFixedThreadPool(2);
            try {
                List<Future<List<PublicationJobs.Outcome>>> runs = nodes.invokeAll(List.<Callable<List<PublicationJobs.Outcome>>>of(
                        () -> nodeA.runDue(admin.tenantId()), () -> nodeB.runDue(admin.tenantId())));
                for (Future<List<PublicationJobs.Outcome>> run : runs) {
                    run.get();
                }
            } finally {
                nodes.shutdown();
            }

            assertThat(creates(login)).isEqualTo(40);
            assertThat(vinted.items(login)).hasSize(40);
            List<PublicationJobStore.Job> states = jobs.stream().map(id -> job(admin, id)).toList();
            assertThat(states).filteredOn(j -> j.state() == JobState.SUCCEEDED).hasSize(40);
            assertThat(states).allSatisfy(j -> assertThat(j.attempts()).isLessThanOrEqualTo(1));
            PublicationJobStore.Job waiting = states.stream().filter(j -> j.state() != JobState.SUCCEEDED).findFirst().orElseThrow();
            assertThat(waiting.state()).isEqualTo(JobState.PENDING);
            assertThat(waiting.notBefore()).isEqualTo(clock.instant().plus(Duration.ofHours(2)).truncatedTo(
                    java.time.temporal.ChronoUnit.MICROS));
            Api.as(port, admin).get("/api/v1/channels/vinted/accounts/" + account + "/rate-limit").then()
                    .statusCode(200).body("remaining", equalTo(0));

            clock.advance(Duration.ofMinutes(119));
            nodeA.runDue(admin.tenantId());
            nodeB.runDue(admin.tenantId());
            assertThat(creates(login)).isEqualTo(40);

            clock.advance(Duration.ofMinutes(1));
            nodeB.runDue(admin.tenantId());
            assertThat(creates(login)).isEqualTo(41);
            assertThat(job(admin, waiting.id()).state()).isEqualTo(JobState.SUCCEEDED);
            Long inAnyWindow = tenants.callAs(admin.tenantId(), () -> new TransactionTemplate(transactions).execute(s ->
                    jdbc.queryForObject("select max(c) from (select count(*) over (order by at range between"
                            + " interval '2 hours' - interval '1 microsecond' preceding and current row) c"
                            + " from channel_writes where account_id = ?) w", Long.class, account)));
            assertThat(inAnyWindow).isLessThanOrEqualTo(40);
        }
    }

    @Test
    void aPublicationWaitingForTheCapBetweenItsPhotosDoesNotSendThemTwice() {
        Account admin = Api.newBusiness(port, "Friperie photos plafonnées");
        FakeVinted.Login login = vinted.login("photos.plafond");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);
        Api.as(port, admin).body(java.util.Map.of("limit", 2))
                .put("/api/v1/channels/accounts/" + account + "/rate-limit").then().statusCode(200);
        String variant = ChannelsTesting.productWithPictures(port, admin, "Veste en velours", "VEL-1", 2);
        UUID job = ChannelsTesting.publish(port, admin,
                ChannelsTesting.draftOf(port, admin, account, variant, "Veste en velours côtelé"));
        MovableClock clock = new MovableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plusSeconds(1));
        PublicationJobs runner = runner(clock);

        runner.runDue(admin.tenantId());
        // Both photos went, then the cap: the item waits.
        assertThat(photos(login)).isEqualTo(2);
        assertThat(creates(login)).isZero();
        assertThat(job(admin, job).state()).isEqualTo(JobState.PENDING);

        clock.advance(Duration.ofHours(2));
        runner.runDue(admin.tenantId());
        assertThat(job(admin, job).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(creates(login)).isEqualTo(1);
        // The photos were not sent again, and the item carries them.
        assertThat(photos(login)).isEqualTo(2);
        FakeVinted.Call create = vinted.calls(login).stream()
                .filter(c -> c.path().equals("/api/v2/item_upload/items")).findFirst().orElseThrow();
        assertThat(create.json().path("item").path("assigned_photos").size()).isEqualTo(2);
    }

    private long photos(FakeVinted.Login login) {
        return vinted.calls(login).stream().filter(c -> c.path().equals("/api/v2/photos")).count();
    }

    @Test
    void aChallengePausesThirtyMinutesThenSixtyAndAWriteThatGoesThroughEndsThePauses() {
        Account admin = Api.newBusiness(port, "Friperie challenge");
        FakeVinted.Login login = vinted.login("defi");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);
        UUID job = ChannelsTesting.publish(port, admin, ChannelsTesting.draft(port, admin, account, "Veste en jean", "30"));
        vinted.script(login, FakeVinted.Reply.CHALLENGE, FakeVinted.Reply.CHALLENGE);
        MovableClock clock = new MovableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plusSeconds(1));
        PublicationJobs runner = runner(clock);

        runner.runDue(admin.tenantId());
        Instant first = clock.instant();
        assertThat(account(admin, account).pausedUntil()).isEqualTo(first.plus(Duration.ofMinutes(30)));
        assertThat(account(admin, account).pauseReason()).isEqualTo("CHALLENGED");
        assertThat(job(admin, job).state()).isEqualTo(JobState.PAUSED);

        clock.advance(Duration.ofMinutes(29));
        runner.runDue(admin.tenantId());
        assertThat(creates(login)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        runner.runDue(admin.tenantId());
        assertThat(account(admin, account).pausedUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(60)));
        Api.as(port, admin).get("/api/v1/channels/accounts/" + account).then()
                .body("status", equalTo("PAUSED")).body("pauseReason", equalTo("CHALLENGED"));

        clock.advance(Duration.ofMinutes(60));
        runner.runDue(admin.tenantId());
        assertThat(job(admin, job).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(vinted.items(login)).hasSize(1);
        AccountStore.Stored after = account(admin, account);
        assertThat(after.status()).isEqualTo("CONNECTED");
        assertThat(after.pauseCount()).isZero();
        assertThat(after.pausedUntil()).isNull();
    }

    @Test
    void aPublicationWhoseAnswerWasLostIsFoundInTheWardrobeInsteadOfBeingSentTwice() {
        Account admin = Api.newBusiness(port, "Friperie réponse perdue");
        FakeVinted.Login login = vinted.login("perdu");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);
        UUID listing = ChannelsTesting.draft(port, admin, account, "Sac en cuir camel", "45");
        UUID job = ChannelsTesting.publish(port, admin, listing);
        vinted.script(login, FakeVinted.Reply.CREATE_THEN_DROP);
        MovableClock clock = new MovableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plusSeconds(1));
        PublicationJobs runner = runner(clock);

        runner.runDue(admin.tenantId());
        assertThat(job(admin, job).state()).isEqualTo(JobState.PENDING);
        assertThat(job(admin, job).outcomeUnknown()).isTrue();

        clock.advance(Duration.ofMinutes(1));
        runner.runDue(admin.tenantId());

        assertThat(creates(login)).isEqualTo(1);
        assertThat(vinted.calls(login).stream().map(FakeVinted.Call::path))
                .anyMatch(p -> p.startsWith("/api/v2/wardrobe/" + login.userId() + "/items"));
        assertThat(job(admin, job).state()).isEqualTo(JobState.SUCCEEDED);
        Api.as(port, admin).get("/api/v1/channels/listings/" + listing).then()
                .body("listing.state", equalTo("PUBLISHED"))
                .body("listing.remoteId", equalTo(vinted.items(login).getFirst().id()));
    }
}
