package app.comptoir.sales.demo;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.catalog.CatalogFigures;
import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.identity.UserView;
import app.comptoir.payments.PaymentImports;
import app.comptoir.payments.PaymentMethod;
import app.comptoir.payments.PaymentSubject;
import app.comptoir.platform.DemoProgress;
import app.comptoir.platform.Ids;
import app.comptoir.platform.Money;
import app.comptoir.sales.application.Invoices;
import app.comptoir.sales.application.Orders;
import app.comptoir.sales.domain.AddressSnapshot;
import app.comptoir.sales.domain.InvoiceContent;
import app.comptoir.sales.domain.LineView;
import app.comptoir.sales.domain.Pricing;
import app.comptoir.sales.domain.Totals;
import app.comptoir.sales.persistence.CustomerView;
import app.comptoir.sales.persistence.DocumentNumbers;

/**
 * A year of order history for the demo garden shop, as if imported from its previous till and web shop:
 * about {@code comptoir.demo.order-history} orders (50 000 by default; 0 for none) over the 365 days before a
 * given instant, with a garden centre's seasonality (spring peak, quiet winter, a little Christmas, busy
 * Saturdays, quiet Sundays), a few thousand customers of whom some order often, 1 to 5 lines each priced
 * by the sales rules, about 4 % cancelled (half before confirmation) and 3 % of the delivered ones partly
 * returned within ten days.
 *
 * <p>Imported history moves no stock (the stock journal starts with the opening count of the demo) and
 * writes no audit entries; otherwise its orders are ordinary orders, numbered in the order they were
 * created (the business's numbers then go on after them), for every screen and figure. Rows are written
 * a few thousand at a time by statements that unnest arrays, so a year takes seconds rather than minutes.
 */
@Component
class DemoOrderHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoOrderHistory.class);

    /** What was written. */
    record Made(int customers, int orders, int cancelled, int returns) {
    }

    private static final String[] FIRST_NAMES = {"Camille", "Léa", "Manon", "Chloé", "Emma", "Inès", "Sarah", "Julie",
            "Laura", "Pauline", "Marie", "Anne", "Claire", "Sophie", "Lucie", "Élodie", "Céline", "Nathalie", "Sandrine",
            "Valérie", "Lucas", "Hugo", "Louis", "Nathan", "Jules", "Arthur", "Thomas", "Nicolas", "Julien", "Pierre",
            "Alexandre", "Antoine", "Maxime", "Romain", "Vincent", "Sébastien", "Laurent", "Philippe", "Éric", "Bernard",
            "Fatima", "Yasmine", "Mehdi", "Karim", "Amadou", "Aïcha", "Mamadou", "Chen", "Linh", "Giulia"};
    private static final String[] LAST_NAMES = {"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand",
            "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
            "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre",
            "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand",
            "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu",
            "Gautier", "Masson", "Benali", "Diallo", "Nguyen", "Rossi", "Da Silva", "Lopez", "Barbier", "Brun"};
    private static final String[] STREET_NAMES = {"rue de la République", "cours Vitton", "avenue des Frères-Lumière",
            "rue Garibaldi", "quai Saint-Vincent", "rue Pasteur", "avenue Jean-Jaurès", "chemin de la Sauvegarde",
            "grande rue de la Croix-Rousse", "boulevard des Belges", "rue de Créqui", "rue Victor-Hugo",
            "allée des Tilleuls", "rue du Bourbonnais", "rue des Charmettes", "montée du Chemin-Neuf",
            "avenue de Saxe", "rue Paul-Bert", "chemin des Vignes", "rue des Jardins", "impasse des Lilas",
            "route de Genas", "avenue Général-Leclerc", "rue de Marseille"};
    private static final String[][] TOWNS = {{"69001", "Lyon"}, {"69002", "Lyon"}, {"69003", "Lyon"}, {"69004", "Lyon"},
            {"69005", "Lyon"}, {"69006", "Lyon"}, {"69007", "Lyon"}, {"69008", "Lyon"}, {"69009", "Lyon"},
            {"69100", "Villeurbanne"}, {"69300", "Caluire-et-Cuire"}, {"69130", "Écully"}, {"69160", "Tassin-la-Demi-Lune"},
            {"69570", "Dardilly"}, {"69500", "Bron"}, {"69200", "Vénissieux"}, {"69110", "Sainte-Foy-lès-Lyon"},
            {"69410", "Champagne-au-Mont-d'Or"}};
    private static final String[] CANCEL_REASONS = {"Le client a annulé par téléphone", "Commande en double",
            "Adresse hors zone de livraison", "Le client a changé d'avis"};
    private static final String[] RETURN_REASONS = {"Article abîmé à la livraison", "Ne correspond pas à la photo",
            "Mauvaise taille", "Plante arrivée en mauvais état", "Le client s'est trompé de coloris"};
    /** Orders per month, January first: a garden centre lives from March to June. */
    private static final double[] MONTHS = {0.45, 0.6, 1.25, 1.85, 2.0, 1.5, 1.05, 0.7, 0.95, 0.9, 0.6, 0.75};
    /** Orders per day of the week, Monday first. */
    private static final double[] WEEKDAYS = {0.9, 0.9, 1.1, 1.0, 1.1, 1.55, 0.45};
    private static final BigDecimal FREE_DELIVERY_FROM = new BigDecimal("80");
    private static final BigDecimal DELIVERY_FEE = new BigDecimal("9.90");
    private static final int CHUNK = 4000;

    private final CatalogFigures catalogFigures;
    private final CatalogQueries catalog;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final DocumentNumbers numbers;
    private final int size;
    private final DemoProgress progress;
    private final Invoices invoices;
    private final int invoicedMonths;
    private final PaymentImports paymentImports;

    DemoOrderHistory(CatalogFigures catalogFigures, CatalogQueries catalog, JdbcTemplate jdbc, JsonMapper json,
                     DocumentNumbers numbers, @Value("${comptoir.demo.order-history:50000}") int size,
                     DemoProgress progress, Invoices invoices,
                     @Value("${comptoir.demo.invoiced-months:3}") int invoicedMonths, PaymentImports paymentImports) {
        this.paymentImports = paymentImports;
        this.progress = progress;
        this.invoices = invoices;
        this.invoicedMonths = invoicedMonths;
        this.catalogFigures = catalogFigures;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.json = json;
        this.numbers = numbers;
        this.size = size;
    }

    /** One generated order, with what its rows need. */
    private static final class Order {
        final UUID id;
        final Instant createdAt;
        final Buyer buyer;
        final List<LineView> lines;
        final BigDecimal fee;
        final Totals totals;
        final List<Object[]> steps = new ArrayList<>();
        String status;
        String number;
        UserView driver;
        Instant soldAt;
        BigDecimal refunded = BigDecimal.ZERO;
        Instant updatedAt;

        Order(UUID id, Instant createdAt, Buyer buyer, List<LineView> lines, BigDecimal fee, Totals totals) {
            this.id = id;
            this.createdAt = createdAt;
            this.buyer = buyer;
            this.lines = lines;
            this.fee = fee;
            this.totals = totals;
            this.updatedAt = createdAt;
        }
    }

    /** A customer and the address their orders go to. */
    private record Buyer(UUID id, String name, String phone, AddressSnapshot address) {
    }

    /**
     * Writes the history of the current tenant (in its transaction): orders created on the 365 days before
     * {@code until}'s day, in {@code zone}, all delivered or cancelled by {@code until}, bought by the given
     * customers (the shop's best ones) and generated ones. Numbers start at 1 for each year.
     */
    Made generate(UUID tenant, Random random, Instant until, ZoneId zone, String currency, boolean pricesIncludeVat,
                  UserView manager,
                  List<UserView> drivers, List<CustomerView> regulars) {
        if (size <= 0) {
            return new Made(0, 0, 0, 0);
        }
        List<List<VariantSummary>> products = products(random);
        if (products.isEmpty()) {
            return new Made(0, 0, 0, 0);
        }
        Instant customersSince = until.minus(Duration.ofDays(400));
        List<Buyer> buyers = new ArrayList<>();
        for (CustomerView c : regulars) {
            c.addresses().stream().filter(a -> a.defaultDelivery()).findFirst().ifPresent(a -> buyers.add(new Buyer(c.id(),
                    c.name(), c.phone(), new AddressSnapshot(a.id(), a.label(), a.line1(), a.line2(), a.postalCode(),
                    a.city(), a.country(), a.phone(), a.instructions()))));
        }
        int newCustomers = Math.max(50, size / 20);
        List<Object[]> customerRows = new ArrayList<>(newCustomers);
        List<Object[]> addressRows = new ArrayList<>(newCustomers);
        for (int i = 0; i < newCustomers; i++) {
            Instant at = customersSince.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 30)));
            Timestamp ts = Timestamp.from(at);
            String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            String name = first + " " + last;
            String phone = String.format("0%d %02d %02d %02d %02d", 6 + random.nextInt(2), random.nextInt(100),
                    random.nextInt(100), random.nextInt(100), random.nextInt(100));
            String email = random.nextInt(5) == 0 ? null : ascii(first + "." + last).replace(' ', '-') + (i + 1) + "@exemple.fr";
            UUID customer = Ids.at(at.toEpochMilli());
            customerRows.add(new Object[] {customer, tenant, "PERSON", name, email, phone, ts, manager(manager), ts,
                    manager(manager)});
            String[] town = TOWNS[random.nextInt(TOWNS.length)];
            String line1 = (1 + random.nextInt(120)) + " " + STREET_NAMES[random.nextInt(STREET_NAMES.length)];
            String instructions = random.nextInt(4) == 0 ? "Code porte " + (1000 + random.nextInt(9000)) : null;
            UUID address = Ids.at(at.toEpochMilli());
            addressRows.add(new Object[] {address, tenant, customer, "Domicile", line1, town[0], town[1], "FR",
                    instructions, true, true, ts, manager(manager), ts, manager(manager)});
            buyers.add(new Buyer(customer, name, phone, new AddressSnapshot(address, "Domicile", line1, null, town[0],
                    town[1], "FR", null, instructions)));
        }
        double[] buyerWeights = cumulative(buyers.size(), 8, 0.8);
        double[] productWeights = cumulative(products.size(), 12, 1.3);

        // Orders per day: the season and the day of the week, with some noise, scaled to the size asked.
        LocalDate lastDay = until.atZone(zone).toLocalDate().minusDays(1);
        LocalDate firstDay = lastDay.minusDays(364);
        double[] weights = new double[365];
        double sum = 0;
        for (int d = 0; d < 365; d++) {
            LocalDate day = firstDay.plusDays(d);
            weights[d] = MONTHS[day.getMonthValue() - 1] * WEEKDAYS[day.getDayOfWeek().getValue() - 1]
                    * (0.85 + 0.3 * random.nextDouble());
            sum += weights[d];
        }
        List<Order> orders = new ArrayList<>(size + 400);
        double carry = 0;
        int cancelled = 0;
        int returns = 0;
        Map<Integer, Long> perYear = new LinkedHashMap<>();
        for (int d = 0; d < 365; d++) {
            LocalDate day = firstDay.plusDays(d);
            double exact = size * weights[d] / sum + carry;
            int count = (int) Math.floor(exact);
            carry = exact - count;
            List<Order> ofDay = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ZonedDateTime created = day.atTime(8, 0).atZone(zone).plusMinutes(random.nextInt(12 * 60));
                ofDay.add(order(random, created.toInstant(), buyers.get(pick(buyerWeights, random)), products,
                        productWeights, currency, pricesIncludeVat));
            }
            ofDay.sort(Comparator.comparing(o -> o.createdAt));
            for (Order o : ofDay) {
                int year = o.createdAt.atZone(zone).getYear();
                long value = perYear.merge(year, 1L, Long::sum);
                o.number = DocumentNumbers.prefix("CMD", year) + String.format("%06d", value);
                if (workflow(o, random, zone, until, manager, drivers)) {
                    cancelled++;
                } else if (random.nextInt(100) < 3 && returned(o, random, until, currency, pricesIncludeVat)) {
                    returns++;
                }
                orders.add(o);
            }
        }
        progress.reach(50); // generated; writing the rows is the rest of the history's share (50 to 90 %)
        write(tenant, currency, pricesIncludeVat, customerRows, addressRows, orders, manager);
        invoice(tenant, orders, until.atZone(zone).minusMonths(invoicedMonths).toInstant(), zone, currency, manager);
        // Drawn last, from a generator of their own: the orders above stay what they were before payments existed.
        pay(orders, new Random(random.nextLong()), until, currency);
        // The business's order numbers of each year go on after its history.
        perYear.forEach((year, last) -> jdbc.queryForObject("select setval(?::regclass, ?)", Long.class,
                numbers.sequence(tenant, "CMD", year), last));
        return new Made(newCustomers, orders.size(), cancelled, returns);
    }

    /** The sellable catalog: active variants of active products, grouped by product in a seeded order. */
    private List<List<VariantSummary>> products(Random random) {
        List<UUID> ids = catalogFigures.variants().stream().map(CatalogFigures.VariantFacts::variantId).toList();
        Map<UUID, List<VariantSummary>> byProduct = new LinkedHashMap<>();
        catalog.variants(ids).stream()
                .filter(v -> v.active() && v.productStatus() == ProductStatus.ACTIVE && v.price() != null
                        && v.price().signum() > 0)
                .sorted(Comparator.comparing(VariantSummary::sku))
                .forEach(v -> byProduct.computeIfAbsent(v.productId(), p -> new ArrayList<>()).add(v));
        // Best sellers first: mostly everyday, inexpensive things (seeds, pots, gloves), a few dear ones.
        Map<List<VariantSummary>, Double> rank = new HashMap<>();
        for (List<VariantSummary> variants : byProduct.values()) {
            double price = variants.stream().mapToDouble(v -> v.price().doubleValue()).min().orElse(1);
            rank.put(variants, price * price * Math.exp(0.8 * random.nextGaussian()));
        }
        List<List<VariantSummary>> products = new ArrayList<>(byProduct.values());
        products.sort(Comparator.comparing(rank::get));
        return products;
    }

    private static Order order(Random random, Instant createdAt, Buyer buyer, List<List<VariantSummary>> products,
                               double[] productWeights, String currency, boolean pricesIncludeVat) {
        int count = lineCount(random);
        List<LineView> lines = new ArrayList<>(count);
        List<UUID> used = new ArrayList<>(count);
        for (int i = 0; i < count * 3 && lines.size() < count; i++) {
            List<VariantSummary> variants = products.get(pick(productWeights, random));
            VariantSummary v = variants.get(random.nextInt(variants.size()));
            if (used.contains(v.id())) {
                continue;
            }
            used.add(v.id());
            int r = random.nextInt(100);
            boolean cheap = v.price().compareTo(BigDecimal.valueOf(20)) < 0;
            int quantity = r < 60 || (!cheap && r < 90) ? 1 : r < 85 || !cheap ? 2 : 3 + random.nextInt(4);
            BigDecimal discount = random.nextInt(20) == 0 ? BigDecimal.TEN : BigDecimal.ZERO;
            BigDecimal unitPrice = Money.round(v.price(), currency);
            lines.add(new LineView(Ids.at(createdAt.toEpochMilli()), v.id(), v.sku(), truncate(v.label()), quantity,
                    unitPrice, discount, v.vatRate(), Pricing.lineNet(quantity, unitPrice, discount, v.vatRate(),
                    pricesIncludeVat, currency), 0));
        }
        BigDecimal linesNet = lines.stream().map(LineView::net).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal fee = Money.round(linesNet.compareTo(FREE_DELIVERY_FROM) >= 0 ? BigDecimal.ZERO : DELIVERY_FEE,
                currency);
        return new Order(Ids.at(createdAt.toEpochMilli()), createdAt, buyer, lines, fee,
                Pricing.totals(lines, fee, currency, pricesIncludeVat));
    }

    private static int lineCount(Random random) {
        int r = random.nextInt(100);
        return r < 30 ? 1 : r < 60 ? 2 : r < 80 ? 3 : r < 92 ? 4 : 5;
    }

    /**
     * The order's steps up to delivered or cancelled; true when cancelled. Delivery rounds leave at 13:30
     * for orders confirmed in the morning and at 8:30 the next day otherwise; most orders are delivered the
     * day they leave.
     */
    private static boolean workflow(Order o, Random random, ZoneId zone, Instant until, UserView manager,
                                    List<UserView> drivers) {
        Instant at = o.createdAt;
        step(o, "DRAFT", at, manager, null);
        int fate = random.nextInt(100);
        if (fate < 2) {
            step(o, "CANCELLED", at.plus(Duration.ofMinutes(10 + random.nextInt(110))), manager,
                    CANCEL_REASONS[random.nextInt(CANCEL_REASONS.length)]);
            return true;
        }
        at = at.plus(Duration.ofMinutes(5 + random.nextInt(55)));
        step(o, "CONFIRMED", at, manager, null);
        if (fate < 4) {
            step(o, "CANCELLED", at.plus(Duration.ofMinutes(30 + random.nextInt(600))), manager,
                    CANCEL_REASONS[random.nextInt(CANCEL_REASONS.length)]);
            return true;
        }
        at = at.plus(Duration.ofMinutes(20 + random.nextInt(150)));
        step(o, "PREPARING", at, manager, null);
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime leaves = local.getHour() < 12
                ? local.toLocalDate().atTime(13, 30).atZone(zone)
                : local.toLocalDate().plusDays(local.getDayOfWeek() == DayOfWeek.SATURDAY ? 2 : 1).atTime(8, 30).atZone(zone);
        Instant out = leaves.plusMinutes(random.nextInt(45)).toInstant();
        o.driver = drivers.isEmpty() ? null : drivers.get(random.nextInt(drivers.size()));
        step(o, "OUT_FOR_DELIVERY", out, o.driver, null);
        o.soldAt = out;
        Instant delivered = random.nextInt(100) < 5
                ? leaves.toLocalDate().plusDays(1).atTime(9, 0).atZone(zone).plusMinutes(random.nextInt(180)).toInstant()
                : out.plus(Duration.ofMinutes(25 + random.nextInt(240)));
        if (delivered.isAfter(until)) {
            delivered = until.minus(Duration.ofMinutes(1 + random.nextInt(60)));
        }
        step(o, "DELIVERED", delivered, o.driver, random.nextInt(4) == 0 ? "Remis en main propre" : null);
        return false;
    }

    private static void step(Order o, String status, Instant at, UserView by, String note) {
        o.steps.add(new Object[] {status, at, by, note});
        o.status = status;
        o.updatedAt = at;
    }

    /** Part of one line comes back a few days after delivery, refunded VAT included; false if too late. */
    private static boolean returned(Order o, Random random, Instant until, String currency, boolean pricesIncludeVat) {
        Instant at = o.updatedAt.plus(Duration.ofHours(20 + random.nextInt(24 * 9)));
        if (!at.isBefore(until)) {
            return false;
        }
        int index = random.nextInt(o.lines.size());
        LineView line = o.lines.get(index);
        int quantity = 1 + random.nextInt(line.quantity());
        BigDecimal refund = Pricing.grossShare(line, quantity, currency, pricesIncludeVat);
        o.lines.set(index, new LineView(line.id(), line.variantId(), line.sku(), line.label(), line.quantity(),
                line.unitPrice(), line.discount(), line.vatRate(), line.net(), quantity));
        o.refunded = refund;
        o.steps.add(new Object[] {"RETURN", at, RETURN_REASONS[random.nextInt(RETURN_REASONS.length)], refund});
        o.updatedAt = at;
        return true;
    }

    // ---------------------------------------------------------------- writing

    private void write(UUID tenant, String currency, boolean pricesIncludeVat, List<Object[]> customers, List<Object[]> addresses,
                       List<Order> orders, UserView manager) {
        insert("""
                insert into sales_customers (id, tenant_id, kind, name, email, phone, created_at, created_by, updated_at,
                  updated_by)
                select * from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                  ?::timestamptz[], ?::uuid[], ?::timestamptz[], ?::uuid[])""",
                new String[] {"uuid", "uuid", "varchar", "varchar", "varchar", "varchar", "timestamptz", "uuid",
                        "timestamptz", "uuid"}, customers);
        insert("""
                insert into sales_addresses (id, tenant_id, customer_id, label, line1, postal_code, city, country,
                  instructions, default_delivery, default_billing, created_at, created_by, updated_at, updated_by)
                select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[],
                  ?::varchar[], ?::varchar[], ?::varchar[], ?::bool[], ?::bool[], ?::timestamptz[], ?::uuid[],
                  ?::timestamptz[], ?::uuid[])""",
                new String[] {"uuid", "uuid", "uuid", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar",
                        "bool", "bool", "timestamptz", "uuid", "timestamptz", "uuid"}, addresses);
        List<Object[]> orderRows = new ArrayList<>(orders.size());
        List<Object[]> lineRows = new ArrayList<>(orders.size() * 3);
        List<Object[]> historyRows = new ArrayList<>(orders.size() * 5);
        List<Object[]> returnRows = new ArrayList<>();
        List<Object[]> returnLineRows = new ArrayList<>();
        UUID by = manager(manager);
        for (Order o : orders) {
            orderRows.add(new Object[] {o.id, tenant, o.number, o.status, o.buyer.id(), o.buyer.name(), o.buyer.phone(),
                    toJson(o.buyer.address()), o.fee, currency, o.totals.net(), o.totals.vat(), o.totals.gross(),
                    o.refunded, o.driver == null || o.soldAt == null ? null : o.driver.id(),
                    o.driver == null || o.soldAt == null ? null : o.driver.name(), ts(o.createdAt), by,
                    ts(o.updatedAt), by, ts(o.soldAt), pricesIncludeVat});
            for (int i = 0; i < o.lines.size(); i++) {
                LineView l = o.lines.get(i);
                lineRows.add(new Object[] {l.id(), tenant, o.id, i, l.variantId(), l.sku(), l.label(), l.quantity(),
                        l.unitPrice(), l.discount(), l.vatRate(), l.net(), l.returnedQuantity(),
                        "DELIVERED".equals(o.status) ? ts(o.soldAt) : null});
            }
            for (Object[] s : o.steps) {
                Instant at = (Instant) s[1];
                if ("RETURN".equals(s[0])) {
                    UUID returnId = Ids.at(at.toEpochMilli());
                    returnRows.add(new Object[] {returnId, tenant, o.id, s[2], s[3], ts(at), by});
                    o.lines.stream().filter(l -> l.returnedQuantity() > 0).forEach(l -> returnLineRows.add(
                            new Object[] {tenant, returnId, l.id(), l.variantId(), l.returnedQuantity()}));
                } else {
                    UserView who = (UserView) s[2];
                    historyRows.add(new Object[] {Ids.at(at.toEpochMilli()), tenant, o.id, s[0], ts(at),
                            who == null ? null : who.id(), who == null ? null : who.name(), s[3]});
                }
            }
        }
        insert("""
                insert into sales_orders (id, tenant_id, number, status, customer_id, customer_name, customer_phone,
                  delivery_address, delivery_fee, currency, net, vat, gross, refunded, driver_id, driver_name,
                  created_at, created_by, updated_at, updated_by, sold_at, prices_include_vat)
                select a, b, c, d, e, f, g, h::jsonb, i, j, k, l, m, n, o, p, q, r, s, t, u, v
                  from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::uuid[], ?::varchar[], ?::varchar[],
                  ?::text[], ?::numeric[], ?::varchar[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[],
                  ?::uuid[], ?::varchar[], ?::timestamptz[], ?::uuid[], ?::timestamptz[], ?::uuid[], ?::timestamptz[],
                  ?::bool[])
                  as x (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v)""",
                new String[] {"uuid", "uuid", "varchar", "varchar", "uuid", "varchar", "varchar", "text", "numeric",
                        "varchar", "numeric", "numeric", "numeric", "numeric", "uuid", "varchar", "timestamptz", "uuid",
                        "timestamptz", "uuid", "timestamptz", "bool"}, orderRows);
        progress.reach(62);
        insert("""
                insert into sales_order_lines (id, tenant_id, order_id, position, variant_id, sku, label, quantity,
                  unit_price, discount, vat_rate, net, returned_quantity, sold_at)
                select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::int[], ?::uuid[], ?::varchar[], ?::varchar[],
                  ?::int[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::int[], ?::timestamptz[])""",
                new String[] {"uuid", "uuid", "uuid", "int4", "uuid", "varchar", "varchar", "int4", "numeric", "numeric",
                        "numeric", "numeric", "int4", "timestamptz"}, lineRows);
        progress.reach(78);
        insert("""
                insert into sales_order_history (id, tenant_id, order_id, status, at, by_id, by_name, note)
                select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::varchar[], ?::timestamptz[], ?::uuid[],
                  ?::varchar[], ?::varchar[])""",
                new String[] {"uuid", "uuid", "uuid", "varchar", "timestamptz", "uuid", "varchar", "varchar"}, historyRows);
        progress.reach(88);
        insert("""
                insert into sales_returns (id, tenant_id, order_id, reason, refund, created_at, created_by)
                select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::varchar[], ?::numeric[], ?::timestamptz[],
                  ?::uuid[])""",
                new String[] {"uuid", "uuid", "uuid", "varchar", "numeric", "timestamptz", "uuid"}, returnRows);
        insert("""
                insert into sales_return_lines (tenant_id, return_id, order_line_id, variant_id, quantity)
                select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::int[])""",
                new String[] {"uuid", "uuid", "uuid", "uuid", "int4"}, returnLineRows);
        // The planner's statistics of tables that grew by tens of thousands of rows at once: until autovacuum gets to
        // them, a query planned on the empty tables' figures may choose nested loops over the whole history.
        jdbc.execute("analyze sales_customers, sales_addresses, sales_orders, sales_order_lines, sales_order_history,"
                + " sales_returns, sales_return_lines");
    }

    /**
     * Invoices the orders delivered since {@code since} (the last {@code comptoir.demo.invoiced-months}, 3 by
     * default: the older ones were invoiced by the shop's previous till, and a year of 48 000 invoices, each with
     * its frozen JSON content, would add ≈ 22 s to the demo's loading, a quarter of it ≈ 5 s) as the shop did on
     * each delivery day: one invoice per order, numbered without
     * gaps per year in the order of delivery ({@code FAC-2026-000001} …), its frozen content built here as
     * {@link Invoices} builds it, rows written in bulk like the rest of the history; the business's invoice counters
     * then go on after them. The returns of the history get no credit note (the invoice shows what was delivered).
     */
    private void invoice(UUID tenant, List<Order> orders, Instant since, ZoneId zone, String currency,
                         UserView manager) {
        long start = System.nanoTime();
        Invoices.Billing billing = invoices.billing(currency);
        List<Order> delivered = orders.stream().filter(o -> "DELIVERED".equals(o.status) && o.soldAt != null
                        && !o.soldAt.isBefore(since))
                .sorted(Comparator.comparing((Order o) -> o.soldAt)).toList();
        Map<Integer, Long> perYear = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>(delivered.size());
        UUID by = manager(manager);
        for (Order o : delivered) {
            LocalDate day = o.soldAt.atZone(zone).toLocalDate();
            long n = perYear.merge(day.getYear(), 1L, Long::sum);
            String number = InvoiceContent.DocumentKind.INVOICE.number(day.getYear(), n);
            List<InvoiceContent.Line> lines = new ArrayList<>(o.lines.size() + 1);
            for (LineView l : o.lines) {
                lines.add(new InvoiceContent.Line(l.sku(), l.label(), l.quantity(), l.unitPrice(), l.discount(),
                        l.vatRate(), l.net()));
            }
            if (o.fee != null && o.fee.signum() > 0) {
                BigDecimal rate = o.totals.byRate().stream().map(Totals.VatLine::rate).max(Comparator.naturalOrder())
                        .orElse(BigDecimal.ZERO);
                lines.add(new InvoiceContent.Line(null, billing.deliveryFeeLabel(), 1, o.fee, BigDecimal.ZERO, rate,
                        o.fee));
            }
            AddressSnapshot a = o.buyer.address();
            InvoiceContent.Party buyer = new InvoiceContent.Party(o.buyer.name(), null, a.line1(), a.line2(),
                    a.postalCode(), a.city(), a.country(), null, null, null, null, null, o.buyer.phone(), null);
            InvoiceContent content = new InvoiceContent(InvoiceContent.DocumentKind.INVOICE, number, day,
                    billing.paymentDays() == null ? null : day.plusDays(billing.paymentDays()), o.id, o.number,
                    currency, billing.locale(), billing.seller(), buyer, lines, o.totals, billing.paymentTerms(),
                    billing.mentions(), billing.iban(), billing.bic(), billing.bankName(), null, null, null);
            rows.add(new Object[] {Ids.at(o.soldAt.toEpochMilli()), tenant, "FAC", number, o.id, java.sql.Date.valueOf(day),
                    ts(o.soldAt), by,
                    currency, o.totals.net(), o.totals.vat(), o.totals.gross(), json.writeValueAsString(content)});
        }
        insert("""
                insert into sales_invoices (id, tenant_id, kind, number, order_id, issued_on, issued_at, issued_by,
                  currency, net, vat, gross, content)
                select a, b, c, d, e, f, g, h, i, j, k, l, m::jsonb
                  from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::uuid[], ?::date[],
                  ?::timestamptz[], ?::uuid[], ?::varchar[], ?::numeric[], ?::numeric[], ?::numeric[], ?::text[])
                  as x (a, b, c, d, e, f, g, h, i, j, k, l, m)""",
                new String[] {"uuid", "uuid", "varchar", "varchar", "uuid", "date", "timestamptz", "uuid", "varchar",
                        "numeric", "numeric", "numeric", "text"}, rows);
        perYear.forEach((year, last) -> jdbc.update("""
                insert into sales_invoice_counters as c (tenant_id, kind, year, last_value) values (?, 'FAC', ?, ?)
                on conflict (tenant_id, kind, year) do update set last_value = c.last_value + excluded.last_value""",
                tenant, year, last));
        log.info("Demo order history invoiced: {} invoices ({} ms)", rows.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The payments of the history, as the shop's till recorded them: every delivered order paid on delivery (card
     * terminal 55 %, cash 30 %, cheque 5 %) or by transfer before it left (10 %), what its return credited given
     * back the day of the return with the same method, and one delivered order in two hundred of the last month
     * still unpaid (a transfer announced, not arrived: the dashboard's "to collect"). Orders cancelled owe nothing.
     * Written in bulk through payments' import, a few statements for a year.
     */
    private void pay(List<Order> orders, Random random, Instant until, String currency) {
        long start = System.nanoTime();
        Instant lastMonth = until.minus(Duration.ofDays(30));
        List<PaymentImports.Due> dues = new ArrayList<>(orders.size());
        List<PaymentImports.Paid> paid = new ArrayList<>(orders.size());
        for (Order o : orders) {
            if (!"DELIVERED".equals(o.status)) {
                continue;
            }
            Instant confirmed = null;
            Instant delivered = null;
            Instant returned = null;
            String returnReason = null;
            for (Object[] step : o.steps) {
                switch ((String) step[0]) {
                    case "CONFIRMED" -> confirmed = (Instant) step[1];
                    case "DELIVERED" -> delivered = (Instant) step[1];
                    case "RETURN" -> {
                        returned = (Instant) step[1];
                        returnReason = (String) step[2];
                    }
                    default -> {
                        // the other steps say nothing of money
                    }
                }
            }
            PaymentSubject subject = PaymentSubject.order(o.id);
            dues.add(new PaymentImports.Due(subject, o.totals.gross().subtract(o.refunded), confirmed));
            int r = random.nextInt(1000);
            if (delivered.isAfter(lastMonth) && r < 5) {
                continue;
            }
            PaymentMethod method = r < 550 ? PaymentMethod.CARD_TERMINAL : r < 850 ? PaymentMethod.CASH
                    : r < 900 ? PaymentMethod.CHEQUE : PaymentMethod.TRANSFER;
            Instant at = method == PaymentMethod.TRANSFER ? confirmed.plus(Duration.ofMinutes(30 + random.nextInt(90)))
                    : delivered;
            String reference = switch (method) {
                case CHEQUE -> "Chèque n° " + (1_000_000 + random.nextInt(9_000_000));
                case TRANSFER -> "VIR " + o.number;
                case CARD_TERMINAL -> "Ticket " + String.format("%06d", random.nextInt(1_000_000));
                default -> null;
            };
            paid.add(new PaymentImports.Paid(subject, method, o.totals.gross(), at, reference, o.refunded,
                    returned, returned == null ? null : "Retour : " + returnReason));
        }
        paymentImports.importHistory(currency, dues, paid);
        log.info("Demo order history paid: {} payments ({} ms)", paid.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Inserts the rows, a chunk at a time, each column passed as one array. */
    private void insert(String sql, String[] types, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            jdbc.execute((ConnectionCallback<Integer>) connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (int c = 0; c < types.length; c++) {
                        statement.setArray(c + 1, column(connection, types[c], chunk, c));
                    }
                    return statement.executeUpdate();
                }
            });
        }
    }

    private static Array column(Connection connection, String type, List<Object[]> rows, int c)
            throws java.sql.SQLException {
        Object[] values = new Object[rows.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = rows.get(r)[c];
        }
        return connection.createArrayOf(type, values);
    }

    private String toJson(AddressSnapshot address) {
        return json.writeValueAsString(address);
    }

    /** Cumulative Zipf-like weights {@code 1 / (rank + offset)^exponent}: a few are picked far more often. */
    private static double[] cumulative(int n, int offset, double exponent) {
        double[] c = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += 1 / Math.pow(i + offset, exponent);
            c[i] = total;
        }
        return c;
    }

    private static int pick(double[] cumulative, Random random) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, x);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }

    private static UUID manager(UserView manager) {
        return manager == null ? null : manager.id();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static String truncate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300);
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT);
    }
}
