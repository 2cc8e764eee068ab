package app.comptoir.sales.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.identity.TenantCreated;
import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.identity.Users;
import app.comptoir.identity.UserView;
import app.comptoir.inventory.StockFilter;
import app.comptoir.inventory.StockLevelView;
import app.comptoir.inventory.StockLocations;
import app.comptoir.inventory.StockQueries;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.Role;
import app.comptoir.platform.DemoProgress;
import app.comptoir.platform.TenantContext;
import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.application.AddressRequest;
import app.comptoir.sales.application.CustomerRequest;
import app.comptoir.sales.application.Customers;
import app.comptoir.sales.application.LineRequest;
import app.comptoir.sales.application.OrderRequest;
import app.comptoir.sales.application.OrderView;
import app.comptoir.sales.application.Orders;
import app.comptoir.sales.application.QuoteRequest;
import app.comptoir.sales.application.QuoteView;
import app.comptoir.sales.application.Quotes;
import app.comptoir.sales.application.ReturnRequest;
import app.comptoir.sales.application.WalkInCustomer;
import app.comptoir.sales.domain.CustomerKind;
import app.comptoir.sales.domain.QuoteStatus;
import app.comptoir.sales.persistence.CustomerView;

/**
 * Customers, quotes and orders of the demo garden shop and delivery business, made through the sales
 * services (so the stock follows every step: reservations, SALE and RETURN movements) and then dated back
 * over the past weeks. Deterministic (seeded by the slug). Runs in the same after-commit phase as the
 * catalog's and the stock's demo data and after them (all keep the default, lowest order, so they run in
 * registration order: catalog, inventory, sales), and does nothing for a business that already has customers.
 */
@Component
class DemoSales {

    private static final Logger log = LoggerFactory.getLogger(DemoSales.class);

    private static final String GARDEN = "jardin-des-lilas";
    private static final String DELIVERY = "express-livraison";

    private static final String[][] PEOPLE = {
            {"Claire Rousseau", "06 12 45 78 90"}, {"Thomas Girard", "06 23 56 89 01"}, {"Nathalie Faure", "06 34 67 90 12"},
            {"Marc Chevalier", "07 45 78 01 23"}, {"Sophie Lambert", "06 56 89 12 34"}, {"Olivier Bonnet", "06 67 90 23 45"},
            {"Isabelle Fontaine", "07 78 01 34 56"}, {"Julien Mercier", "06 89 12 45 67"}, {"Émilie Blanc", "06 90 23 56 78"},
            {"Nicolas Garnier", "07 01 34 67 89"}, {"Aurélie Perrin", "06 13 46 79 02"}, {"Mathieu Robin", "06 24 57 80 13"},
            {"Hélène Morel", "07 35 68 91 24"}, {"Antoine Gauthier", "06 46 79 02 35"}};
    private static final String[][] COMPANIES = {
            {"Mairie de Caluire-et-Cuire", "04 78 98 80 80"}, {"Paysages du Rhône SARL", "04 72 10 20 30"},
            {"Restaurant Le Bouchon des Filles", "04 78 30 40 50"}, {"Hôtel des Célestins", "04 72 56 08 98"}};
    private static final String[][] STREETS = {
            {"12 rue de la République", "69002", "Lyon"}, {"45 cours Vitton", "69006", "Lyon"},
            {"8 montée de la Grande-Côte", "69001", "Lyon"}, {"27 avenue des Frères-Lumière", "69008", "Lyon"},
            {"3 place Bellecour", "69002", "Lyon"}, {"101 rue Garibaldi", "69003", "Lyon"},
            {"16 quai Saint-Vincent", "69001", "Lyon"}, {"5 rue Pasteur", "69300", "Caluire-et-Cuire"},
            {"22 avenue Jean-Jaurès", "69100", "Villeurbanne"}, {"9 chemin de la Sauvegarde", "69130", "Écully"},
            {"14 grande rue de la Croix-Rousse", "69004", "Lyon"}, {"60 boulevard des Belges", "69006", "Lyon"},
            {"2 rue Mercière", "69002", "Lyon"}, {"33 rue de Créqui", "69006", "Lyon"}, {"18 rue Victor-Hugo", "69160", "Tassin-la-Demi-Lune"},
            {"7 allée des Tilleuls", "69570", "Dardilly"}, {"40 rue du Bourbonnais", "69009", "Lyon"}, {"11 place Carnot", "69002", "Lyon"}};
    private static final String[] NOTES = {null, "Sonner à l'interphone", "Laisser au gardien", null, "Livrer avant midi",
            null, "Appeler en arrivant", null};

    private final Customers customers;
    private final Orders orders;
    private final Quotes quotes;
    private final CatalogQueries catalog;
    private final StockQueries stock;
    private final StockLocations locations;
    private final Users users;
    private final Tenants tenants;
    private final DemoOrderHistory history;
    private final JdbcTemplate jdbc;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DemoProgress progress;
    private final DemoOrderPayments payments;

    DemoSales(Customers customers, Orders orders, Quotes quotes, CatalogQueries catalog, StockQueries stock,
              StockLocations locations, Users users, Tenants tenants, DemoOrderHistory history,
              JdbcTemplate jdbc, TenantContext tenantContext, PlatformTransactionManager transactionManager,
              Clock clock, DemoProgress progress, DemoOrderPayments payments) {
        this.payments = payments;
        this.progress = progress;
        this.customers = customers;
        this.orders = orders;
        this.quotes = quotes;
        this.catalog = catalog;
        this.stock = stock;
        this.locations = locations;
        this.users = users;
        this.tenants = tenants;
        this.history = history;
        this.jdbc = jdbc;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(transactionManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void seed(TenantCreated event) {
        if (!event.demo() || !(GARDEN.equals(event.slug()) || DELIVERY.equals(event.slug()))) {
            return;
        }
        long start = System.nanoTime();
        SecurityContext previous = SecurityContextHolder.getContext();
        try {
            int[] made = tenantContext.callAs(event.tenantId(), () -> seed(event.slug()));
            if (made[0] > 0) {
                log.info("Demo sales of {}: {} customers, {} quotes, {} orders ({} ms)", event.slug(), made[0], made[1],
                        made[2], (System.nanoTime() - start) / 1_000_000);
            }
            if (GARDEN.equals(event.slug())) {
                progress.reach(95); // the smaller businesses are the last few per cent
            }
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private int[] seed(String slug) {
        Boolean done = tx.execute(s -> jdbc.queryForObject(
                "select exists (select 1 from sales_customers where tenant_id = ?)", Boolean.class, tenantContext.requireTenant()));
        if (Boolean.TRUE.equals(done)) {
            return new int[] {0, 0, 0};
        }
        Map<Role, List<UserView>> staff = tx.execute(s -> Map.of(
                Role.MANAGER, users.list(Role.MANAGER, null, true, 0, 10, "email").items(),
                Role.DRIVER, users.list(Role.DRIVER, null, true, 0, 10, "email").items()));
        UserView manager = staff.get(Role.MANAGER).isEmpty() ? null : staff.get(Role.MANAGER).getFirst();
        List<UserView> drivers = staff.get(Role.DRIVER);
        actAs(manager, Role.MANAGER);
        Random random = new Random(slug.hashCode());
        boolean garden = GARDEN.equals(slug);

        List<VariantSummary> variants = tx.execute(s -> sellable());
        List<CustomerView> made = tx.execute(s -> customers(random, garden ? 14 : 10, garden ? 4 : 1));
        if (variants == null || variants.isEmpty() || made == null) {
            return new int[] {made == null ? 0 : made.size(), 0, 0};
        }
        Instant now = clock.instant();
        if (garden) {
            // A year of history up to yesterday (its numbers come first), then today's orders in progress.
            long start = System.nanoTime();
            DemoOrderHistory.Made year = tx.execute(s -> {
                TenantProfile tenant = tenants.current();
                ZoneId zone = ZoneId.of(tenant.timezone());
                Instant until = LocalDate.ofInstant(now, zone).minusDays(1).atStartOfDay(zone).toInstant();
                return history.generate(tenant.id(), new Random(random.nextLong()), until, zone, tenant.currency(),
                        tenant.pricesIncludeVat(), manager, drivers, made);
            });
            if (year != null && year.orders() > 0) {
                log.info("Demo order history of {}: {} orders ({} cancelled, {} returns), {} new customers ({} ms)",
                        slug, year.orders(), year.cancelled(), year.returns(), year.customers(),
                        (System.nanoTime() - start) / 1_000_000);
            }
        }
        int quoteCount = garden ? quotes(random, made, variants) : 0;

        // Statuses to reach, oldest orders first (delivered and cancelled ones lie further back).
        List<OrderStatus> plan = new ArrayList<>();
        int delivered = garden ? 18 : 12;
        for (int i = 0; i < delivered; i++) {
            plan.add(OrderStatus.DELIVERED);
        }
        plan.addAll(List.of(OrderStatus.CANCELLED, OrderStatus.CANCELLED));
        plan.addAll(List.of(OrderStatus.OUT_FOR_DELIVERY, OrderStatus.OUT_FOR_DELIVERY, OrderStatus.OUT_FOR_DELIVERY));
        if (!garden) {
            plan.add(OrderStatus.OUT_FOR_DELIVERY);
        }
        plan.addAll(List.of(OrderStatus.PREPARING, OrderStatus.PREPARING, OrderStatus.PREPARING,
                OrderStatus.CONFIRMED, OrderStatus.CONFIRMED, OrderStatus.CONFIRMED, OrderStatus.DRAFT, OrderStatus.DRAFT));
        // The garden shop's past lies in its history: its live orders are the last day's and a half.
        long spanHours = garden ? 30L : 21L * 24;
        int count = 0;
        List<UUID> live = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            OrderStatus target = plan.get(i);
            // spread from spanHours ago to a few hours ago, in plan order
            long hoursAgo = Math.max(2, spanHours - (spanHours * i / plan.size()) - random.nextInt(12));
            Instant createdAt = now.minus(Duration.ofHours(hoursAgo));
            CustomerView customer = made.get(random.nextInt(made.size()));
            UserView driver = drivers.isEmpty() ? null : drivers.get(i % drivers.size());
            boolean walkIn = !garden && i % 5 == 4;
            boolean withReturn = target == OrderStatus.DELIVERED && i % 9 == 4;
            // The first return takes everything back: the order the demo shows refunded in full.
            boolean fullReturn = withReturn && i == 4;
            boolean cancelAfterConfirm = target == OrderStatus.CANCELLED && i % 2 == 0;
            List<LineRequest> lines = lines(random, variants, garden);
            String note = NOTES[random.nextInt(NOTES.length)];
            String[] street = STREETS[i % STREETS.length];
            OrderRequest request = walkIn
                    ? new OrderRequest(null, new WalkInCustomer(PEOPLE[random.nextInt(PEOPLE.length)][0].split(" ")[0]
                            + " (client de passage)", "06 00 00 00 " + String.format("%02d", i)), null,
                            new AddressRequest(null, street[0], null, street[1], street[2], "FR", null, null, null, null),
                            lines, null, note)
                    : new OrderRequest(customer.id(), null, null, lines, new java.math.BigDecimal(garden ? "9.90" : "4.90"),
                            note);
            try {
                UUID id = tx.execute(s -> {
                    actAs(manager, Role.MANAGER);
                    OrderView order = orders.create(request, Optional.empty()).order();
                    advance(order.id(), target, cancelAfterConfirm, driver, manager, withReturn, fullReturn);
                    backdate(order.id(), createdAt, target);
                    return order.id();
                });
                live.add(id);
                count++;
            } catch (RuntimeException e) {
                log.debug("Demo order skipped: {}", e.getMessage());
            }
        }
        tx.executeWithoutResult(s -> {
            actAs(manager, Role.MANAGER);
            payments.pay(live, now);
        });
        return new int[] {made.size(), quoteCount, count};
    }

    private void advance(UUID id, OrderStatus target, boolean cancelAfterConfirm, UserView driver, UserView manager,
                         boolean withReturn, boolean fullReturn) {
        if (target == OrderStatus.DRAFT) {
            return;
        }
        if (target == OrderStatus.CANCELLED) {
            if (cancelAfterConfirm) {
                orders.confirm(id);
            }
            orders.cancel(id, cancelAfterConfirm ? "Le client a annulé par téléphone" : "Commande en double");
            return;
        }
        orders.confirm(id);
        if (target == OrderStatus.CONFIRMED) {
            return;
        }
        orders.changeStatus(id, OrderStatus.PREPARING, null);
        if (target == OrderStatus.PREPARING) {
            return;
        }
        if (driver != null) {
            orders.assignDriver(id, driver.id());
            actAs(driver, Role.DRIVER);
        }
        orders.changeStatus(id, OrderStatus.OUT_FOR_DELIVERY, null);
        if (target == OrderStatus.DELIVERED) {
            OrderView delivered = orders.changeStatus(id, OrderStatus.DELIVERED, "Remis en main propre");
            actAs(manager, Role.MANAGER);
            if (fullReturn) {
                // Everything comes back and everything is given back, the delivery fee too: a refund in full.
                orders.recordReturn(id, new ReturnRequest(null, "Le client ne voulait plus de la commande",
                        delivered.totals().gross()));
            } else if (withReturn) {
                orders.recordReturn(id, new ReturnRequest(List.of(new ReturnRequest.Line(delivered.lines().getFirst().id(), 1)),
                        "Article abîmé à la livraison", null));
            }
        }
        actAs(manager, Role.MANAGER);
    }

    /** Dates the order and its history back: created at the given time, one step every few hours. */
    private void backdate(UUID id, Instant createdAt, OrderStatus target) {
        UUID tenant = tenantContext.requireTenant();
        long stepMinutes = target == OrderStatus.DELIVERED ? 150 : 45;
        jdbc.update("""
                update sales_order_history h set at = ?::timestamptz + (x.rn - 1) * make_interval(mins => ?::int)
                  from (select id, row_number() over (order by at, id) as rn from sales_order_history
                         where tenant_id = ? and order_id = ?) x
                 where h.tenant_id = ? and h.id = x.id""",
                Timestamp.from(createdAt), (int) stepMinutes, tenant, id, tenant);
        jdbc.update("""
                update sales_orders o set created_at = ?, updated_at = (select max(at) from sales_order_history h
                  where h.tenant_id = o.tenant_id and h.order_id = o.id),
                  sold_at = case when o.status in ('OUT_FOR_DELIVERY', 'DELIVERED') then (select min(at)
                  from sales_order_history h
                  where h.tenant_id = o.tenant_id and h.order_id = o.id and h.status = 'OUT_FOR_DELIVERY') end
                 where o.tenant_id = ? and o.id = ?""", Timestamp.from(createdAt), tenant, id);
        jdbc.update("""
                update sales_order_lines l set sold_at = o.sold_at from sales_orders o
                 where l.tenant_id = ? and l.order_id = ? and o.tenant_id = l.tenant_id and o.id = l.order_id
                   and l.sold_at is not null""", tenant, id);
    }

    private int quotes(Random random, List<CustomerView> made, List<VariantSummary> variants) {
        List<QuoteStatus> plan = List.of(QuoteStatus.ACCEPTED, QuoteStatus.SENT, QuoteStatus.SENT, QuoteStatus.DRAFT,
                QuoteStatus.REJECTED, QuoteStatus.ACCEPTED, QuoteStatus.DRAFT, QuoteStatus.SENT, QuoteStatus.REJECTED,
                QuoteStatus.EXPIRED);
        int made2 = 0;
        Instant now = clock.instant();
        for (int i = 0; i < plan.size(); i++) {
            QuoteStatus target = plan.get(i);
            CustomerView customer = made.get((i * 3 + 1) % made.size());
            List<LineRequest> lines = new ArrayList<>();
            for (int l = 0; l < 3 + random.nextInt(4); l++) {
                VariantSummary v = variants.get(random.nextInt(variants.size()));
                lines.add(new LineRequest(v.id(), 2 + random.nextInt(10), null,
                        random.nextInt(3) == 0 ? new java.math.BigDecimal(5 * (1 + random.nextInt(3))) : null));
            }
            int daysAgo = 300 - i * 29;
            int index = i;
            try {
                tx.executeWithoutResult(s -> {
                    QuoteView q = quotes.create(new QuoteRequest(customer.id(), null, null, lines,
                            new java.math.BigDecimal("15.00"), "Devis pour aménagement extérieur", null));
                    if (target != QuoteStatus.DRAFT) {
                        quotes.changeStatus(q.id(), QuoteStatus.SENT);
                    }
                    if (target == QuoteStatus.REJECTED || (target == QuoteStatus.ACCEPTED && index == 0)) {
                        quotes.changeStatus(q.id(), target);
                    } else if (target == QuoteStatus.ACCEPTED) {
                        quotes.convert(q.id(), null);
                    }
                    Instant created = now.minus(Duration.ofDays(Math.max(1, daysAgo)));
                    LocalDate validUntil = LocalDate.ofInstant(created, ZoneId.of("Europe/Paris")).plusDays(30);
                    if (target == QuoteStatus.SENT || target == QuoteStatus.DRAFT) {
                        validUntil = LocalDate.ofInstant(now, ZoneId.of("Europe/Paris")).plusDays(10 + index);
                        created = now.minus(Duration.ofDays(3 + index % 7));
                    }
                    jdbc.update("update sales_quotes set created_at = ?, updated_at = ?, valid_until = ? where tenant_id = ? and id = ?",
                            Timestamp.from(created), Timestamp.from(created.plus(Duration.ofDays(2))),
                            java.sql.Date.valueOf(validUntil), tenantContext.requireTenant(), q.id());
                });
                made2++;
            } catch (RuntimeException e) {
                log.debug("Demo quote skipped: {}", e.getMessage());
            }
        }
        return made2;
    }

    private List<CustomerView> customers(Random random, int people, int companies) {
        List<CustomerView> made = new ArrayList<>();
        for (int i = 0; i < people + companies; i++) {
            boolean company = i >= people;
            String[] who = company ? COMPANIES[i - people] : PEOPLE[i];
            String email = company ? null : who[0].toLowerCase().replace(' ', '.').replace("é", "e").replace("É", "e")
                    .replace("è", "e") + "@exemple.fr";
            CustomerView c = customers.create(new CustomerRequest(company ? CustomerKind.COMPANY : CustomerKind.PERSON,
                    who[0], email, who[1], company ? "Facturation à 30 jours" : null, null));
            String[] street = STREETS[i % STREETS.length];
            customers.addAddress(c.id(), new AddressRequest(company ? "Siège" : "Domicile", street[0], null, street[1],
                    street[2], "FR", null, random.nextInt(3) == 0 ? "Code porte " + (1000 + random.nextInt(9000)) : null,
                    true, true));
            if (company || random.nextInt(4) == 0) {
                String[] other = STREETS[(i + 7) % STREETS.length];
                customers.addAddress(c.id(), new AddressRequest(company ? "Livraisons" : "Maison de campagne", other[0],
                        null, other[1], other[2], "FR", null, null, company, false));
            }
            made.add(customers.get(c.id()));
        }
        return made;
    }

    /** Active variants with enough stock at the default location (where orders reserve), up to 200. */
    private List<VariantSummary> sellable() {
        UUID shop = locations.defaultLocation().id();
        List<UUID> stocked = stock.levels(new StockFilter(shop, null, null, null), 0, 200).items().stream()
                .filter(l -> l.available() >= 12).map(StockLevelView::variantId).toList();
        return catalog.variants(stocked).stream()
                .filter(v -> v.active() && v.productStatus() == ProductStatus.ACTIVE)
                .sorted(java.util.Comparator.comparing(VariantSummary::sku)).toList();
    }

    private static List<LineRequest> lines(Random random, List<VariantSummary> variants, boolean garden) {
        List<LineRequest> lines = new ArrayList<>();
        int count = 1 + random.nextInt(garden ? 4 : 3);
        List<UUID> used = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            VariantSummary v = variants.get(random.nextInt(variants.size()));
            if (used.contains(v.id())) {
                continue;
            }
            used.add(v.id());
            lines.add(new LineRequest(v.id(), 1 + random.nextInt(2), null, null));
        }
        return lines;
    }

    private static void actAs(UserView user, Role role) {
        if (user == null) {
            return;
        }
        ComptoirPrincipal principal = new ComptoirPrincipal(user.id(), null, user.email(), user.name(), Set.of(role));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(principal, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
        SecurityContextHolder.setContext(context);
    }
}
