package app.comptoir.identity.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.BusinessSuspensionChanged;
import app.comptoir.identity.domain.LoginDirectoryEntry;
import app.comptoir.identity.domain.LoginEmail;
import app.comptoir.identity.domain.Plan;
import app.comptoir.identity.persistence.OperatorStore;
import app.comptoir.identity.persistence.OperatorStore.ActionRow;
import app.comptoir.identity.persistence.LoginDirectoryRepository;
import app.comptoir.identity.persistence.OperatorStore.BusinessRow;
import app.comptoir.identity.persistence.OperatorStore.GrantRow;
import app.comptoir.identity.persistence.OperatorStore.UsageRow;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.TenantContext;
import app.comptoir.platform.TextInput;

/**
 * The operator console's use cases: list the businesses of the deployment with their usage, read one (with a reason,
 * journaled), suspend and resume one, change its plan. Only an operator ({@link Operators}) gets past the first line
 * of each. Every change and every read of a business's detail is recorded in the operator's journal, in the same
 * transaction as the change.
 *
 * <p>Cross-business reads: the {@code tenants} row and the journal are deployment-wide tables; a business's usage is
 * read in a transaction for that business ({@link TenantContext#callAs}), one business at a time, as scheduled
 * jobs do, so row-level security is never turned off.
 */
@Service
public class OperatorConsole {

    /** Actions of the journal. */
    public static final String READ_DETAIL = "READ_DETAIL";
    public static final String SUSPEND = "SUSPEND";
    public static final String RESUME = "RESUME";
    public static final String CHANGE_PLAN = "CHANGE_PLAN";
    public static final String GRANT_OPERATOR = "GRANT_OPERATOR";
    public static final String REVOKE_OPERATOR = "REVOKE_OPERATOR";

    /** The longest reason kept. */
    public static final int REASON_MAX = 500;

    /** Folders of the data directory that hold no business's files. */
    private static final Set<String> NOT_BUSINESS_FILES = Set.of("postgres", "backups", "logs");

    /** A business as the operator sees it in the list. */
    public record OperatorBusiness(UUID id, String name, String slug, String kind, boolean demo, Plan plan,
                                   boolean suspended, Instant suspendedAt, String suspensionReason, Instant createdAt,
                                   long users, long products, long orders, long mailsSent, long publications,
                                   long storageBytes, long ordersThisMonth) {
    }

    /** A business with its plan's limits and the operator's recent acts on it. */
    public record OperatorBusinessDetail(OperatorBusiness business, Integer maxUsers, Integer maxProducts,
                                         List<OperatorActionView> actions, Integer maxOrdersPerMonth) {
    }

    /**
     * An operator of the deployment: {@code configured} ones come from COMPTOIR_OPERATOR_EMAILS (no grant, cannot be
     * revoked here), the others were named from the console by {@code grantedBy}.
     */
    public record OperatorView(String email, boolean configured, Instant grantedAt, String grantedBy) {
    }

    /** One act of an operator, as the journal shows it. */
    public record OperatorActionView(UUID id, Instant at, String operatorEmail, String action, UUID businessId,
                                     String businessName, String reason, String details) {
    }

    private final Operators operators;
    private final OperatorStore store;
    private final Suspensions suspensions;
    private final TenantContext tenantContext;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate writes;
    private final Clock clock;
    private final Path dataDir;
    private final BusinessTime businessTime;
    private final ApplicationEventPublisher events;
    private final BusinessPlans plans;
    private final LoginDirectoryRepository directory;

    OperatorConsole(Operators operators, OperatorStore store, Suspensions suspensions, TenantContext tenantContext,
                    PlatformTransactionManager txManager, Clock clock, ComptoirProperties properties,
                    BusinessTime businessTime, ApplicationEventPublisher events, BusinessPlans plans,
                    LoginDirectoryRepository directory) {
        this.directory = directory;
        this.plans = plans;
        this.businessTime = businessTime;
        this.events = events;
        this.operators = operators;
        this.store = store;
        this.suspensions = suspensions;
        this.tenantContext = tenantContext;
        this.readOnly = new TransactionTemplate(txManager);
        this.readOnly.setReadOnly(true);
        this.writes = new TransactionTemplate(txManager);
        this.clock = clock;
        this.dataDir = properties.dataDir().toAbsolutePath().normalize();
    }

    /** A page of the deployment's businesses whose name or address contains {@code q}, by name, with their usage. */
    public PageResponse<OperatorBusiness> businesses(String q, int page, int size) {
        operators.require();
        PageRequests.of(page, size, org.springframework.data.domain.Sort.unsorted());
        String query = q == null || q.isBlank() ? "" : text("q", q, 100, false);
        List<BusinessRow> rows = readOnly.execute(status -> store.businesses(query, page * size, size));
        long total = readOnly.execute(status -> store.countBusinesses(query));
        return new PageResponse<>(rows.stream().map(this::withUsage).toList(), total, page, size);
    }

    /** One business, read for the stated reason (journaled). */
    public OperatorBusinessDetail detail(UUID id, String reason) {
        ComptoirPrincipal operator = operators.require();
        String why = reason(reason);
        BusinessRow row = writes.execute(status -> {
            BusinessRow found = load(id);
            journal(operator, READ_DETAIL, id, why, null);
            return found;
        });
        return detailOf(row);
    }

    /** Suspends the business: its staff are refused, its public pages say it is closed. */
    public OperatorBusinessDetail suspend(UUID id, String reason) {
        ComptoirPrincipal operator = operators.require();
        String why = reason(reason);
        List<String> administrators = administrators(id);
        writes.executeWithoutResult(status -> {
            load(id);
            if (!store.suspend(id, why, clock.instant())) {
                throw new ConflictException("already-suspended", "This business is already suspended");
            }
            UUID action = journal(operator, SUSPEND, id, why, null);
            events.publishEvent(new BusinessSuspensionChanged(id, action, true, why, administrators, clock.instant()));
            suspensions.forget(id);
        });
        return detailOf(load(id));
    }

    /** Reopens a suspended business. */
    public OperatorBusinessDetail resume(UUID id, String reason) {
        ComptoirPrincipal operator = operators.require();
        String why = reason(reason);
        List<String> administrators = administrators(id);
        writes.executeWithoutResult(status -> {
            load(id);
            if (!store.resume(id)) {
                throw new ConflictException("not-suspended", "This business is not suspended");
            }
            UUID action = journal(operator, RESUME, id, why, null);
            events.publishEvent(new BusinessSuspensionChanged(id, action, false, why, administrators, clock.instant()));
            suspensions.forget(id);
        });
        return detailOf(load(id));
    }

    /** Moves the business to another plan; what it already has stays, only new users and products are counted. */
    public OperatorBusinessDetail changePlan(UUID id, String plan, String reason) {
        ComptoirPrincipal operator = operators.require();
        Plan chosen = plan(plan);
        String why = reason(reason);
        writes.executeWithoutResult(status -> {
            BusinessRow row = load(id);
            store.changePlan(id, chosen.name());
            plans.forget(id);
            journal(operator, CHANGE_PLAN, id, why, row.plan() + " -> " + chosen.name());
        });
        return detailOf(load(id));
    }

    /** The deployment's operators: the configured ones first, then those named from the console, by address. */
    @Transactional(readOnly = true)
    public List<OperatorView> operators() {
        operators.require();
        List<OperatorView> all = new java.util.ArrayList<>();
        operators.configuredEmails().forEach(e -> all.add(new OperatorView(e, true, null, null)));
        store.grants().stream().filter(g -> !operators.configured(g.email()))
                .forEach(g -> all.add(new OperatorView(g.email(), false, g.grantedAt(), g.grantedBy())));
        return all;
    }

    /**
     * Makes the existing user with this sign-in address an operator, for the stated reason (journaled under the
     * user's business). Refused on {@code email} when no user has it, with a 409 {@code already-operator} when they
     * are one.
     */
    public OperatorView grant(String email, String reason) {
        ComptoirPrincipal operator = operators.require();
        String address = LoginEmail.normalize(email);
        String why = reason(reason);
        LoginDirectoryEntry user = directory.findById(address)
                .orElseThrow(() -> InvalidInputException.field("email", "no user signs in with this address"));
        Instant now = clock.instant();
        writes.executeWithoutResult(status -> {
            if (operators.configured(address) || !store.grant(new GrantRow(address, user.getUserId(), now,
                    operator.email()))) {
                throw new ConflictException("already-operator", "This user already operates the service");
            }
            journal(operator, GRANT_OPERATOR, user.getTenantId(), why, address);
            operators.forgetGrants();
        });
        return new OperatorView(address, false, now, operator.email());
    }

    /**
     * Withdraws the operator role the console gave, for the stated reason (journaled). Refused with a 409: for an
     * address of the configuration ({@code configured-operator}), for oneself ({@code self-change-refused}), for an
     * address that is no operator named here ({@code not-operator}).
     */
    public void revoke(String email, String reason) {
        ComptoirPrincipal operator = operators.require();
        String address = LoginEmail.normalize(email);
        String why = reason(reason);
        if (operators.configured(address)) {
            throw new ConflictException("configured-operator",
                    "This operator is set in the deployment's configuration (COMPTOIR_OPERATOR_EMAILS)");
        }
        if (operator.email() != null && address.equalsIgnoreCase(operator.email().strip())) {
            throw new ConflictException("self-change-refused", "An operator cannot revoke themselves; ask another one");
        }
        UUID business = directory.findById(address).map(LoginDirectoryEntry::getTenantId).orElse(null);
        writes.executeWithoutResult(status -> {
            if (!store.revoke(address)) {
                throw new ConflictException("not-operator", "This address is no operator named from the console");
            }
            journal(operator, REVOKE_OPERATOR, business, why, address);
            operators.forgetGrants();
        });
    }

    /** The operators' journal, newest first; of one business when {@code businessId} is given. */
    @Transactional(readOnly = true)
    public PageResponse<OperatorActionView> actions(UUID businessId, int page, int size) {
        operators.require();
        PageRequests.of(page, size, org.springframework.data.domain.Sort.unsorted());
        return new PageResponse<>(store.actions(businessId, page * size, size).stream().map(OperatorConsole::view).toList(),
                store.countActions(businessId), page, size);
    }

    /** The plan named, or a 400 on {@code plan}. */
    public static Plan plan(String name) {
        if (name != null) {
            for (Plan p : Plan.values()) {
                if (p.name().equalsIgnoreCase(name.strip())) {
                    return p;
                }
            }
        }
        throw InvalidInputException.field("plan", "must be one of ESSENTIEL, PRO, ILLIMITE");
    }

    private static String reason(String reason) {
        return text("reason", reason, REASON_MAX, true);
    }

    private static String text(String field, String value, int max, boolean required) {
        List<InvalidInputException.FieldError> errors = new java.util.ArrayList<>();
        String s = TextInput.field(field, value, max, required, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Invalid " + field, errors);
        }
        return s;
    }

    private BusinessRow load(UUID id) {
        return store.business(id).orElseThrow(() -> new NotFoundException("Business", id));
    }

    private UUID journal(ComptoirPrincipal operator, String action, UUID businessId, String reason, String details) {
        UUID id = Ids.newId();
        store.record(new ActionRow(id, clock.instant(), operator.userId(), operator.email(), action, businessId,
                null, reason, details));
        return id;
    }

    /** The business's active administrators, read as the business (its users are under row-level security). */
    private List<String> administrators(UUID id) {
        return tenantContext.callAs(id, () -> readOnly.execute(status -> store.administrators(id)));
    }

    /**
     * Outside any transaction: the usage is read in a transaction of its own for the business, which would join
     * (and so not be for) an enclosing one.
     */
    private OperatorBusinessDetail detailOf(BusinessRow row) {
        Plan plan = Plan.valueOf(row.plan());
        List<OperatorActionView> actions = store.actions(row.id(), 0, 20).stream().map(OperatorConsole::view).toList();
        return new OperatorBusinessDetail(withUsage(row), plan.maxUsers(), plan.maxProducts(), actions,
                plan.maxOrdersPerMonth());
    }

    private OperatorBusiness withUsage(BusinessRow row) {
        // The month of the business's own time zone: its calendar is read as the business, like its quota check.
        UsageRow usage = tenantContext.callAs(row.id(), () -> readOnly.execute(
                status -> store.usage(row.id(), businessTime.monthStart())));
        return new OperatorBusiness(row.id(), row.name(), row.slug(), row.kind(), row.demo(), Plan.valueOf(row.plan()),
                row.suspendedAt() != null, row.suspendedAt(), row.suspensionReason(), row.createdAt(), usage.users(),
                usage.products(), usage.orders(), usage.mailsSent(), usage.publications(), storageBytes(row.id()),
                usage.ordersThisMonth());
    }

    /** The bytes of the business's files under the data directory ({@code <data>/<kind>/<business id>/…}). */
    private long storageBytes(UUID id) {
        if (!Files.isDirectory(dataDir)) {
            return 0;
        }
        long total = 0;
        try (Stream<Path> folders = Files.list(dataDir)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                Path own = folder.resolve(id.toString());
                if (NOT_BUSINESS_FILES.contains(folder.getFileName().toString()) || !Files.isDirectory(own)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(own)) {
                    total += files.filter(Files::isRegularFile).mapToLong(OperatorConsole::size).sum();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // removed while counting
        }
    }

    private static OperatorActionView view(ActionRow a) {
        return new OperatorActionView(a.id(), a.at(), a.operatorEmail(), a.action(), a.businessId(), a.businessName(),
                a.reason(), a.details());
    }
}
