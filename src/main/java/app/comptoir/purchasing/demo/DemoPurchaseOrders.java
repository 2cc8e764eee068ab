package app.comptoir.purchasing.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import app.comptoir.platform.Money;
import app.comptoir.purchasing.persistence.DemoPurchasingRows;

/**
 * Turns a demo shop's order plans into purchase orders as the workflow would have left them: numbered
 * {@code ACH-<year>-NNNNNN} in creation order per year of the shop's zone, each move stamped and written to the
 * timeline (by the supplier for the moves of a connected order), totals the sum of the lines. Delivered orders are
 * fully received without receipt rows (see docs/purchasing.md, "Demo"): the shop's stock history was loaded by the
 * inventory's demo. The order to receive as the demo loads is left SHIPPED, with the receipt to make of all its
 * lines. Pure and deterministic: the same plans, offers, seed and instant give the same rows.
 */
final class DemoPurchaseOrders {

    /**
     * What a supplier offers to the shop: one of its variants (or only the supplier's item) at a cost;
     * {@code preferred} for the variant's first supplier.
     */
    record Offer(String supplierKey, UUID variantId, UUID supplierProductId, String sku, String label,
                 String supplierSku, BigDecimal cost, int packSize, int minQuantity, int leadDays, boolean preferred) {
    }

    /** A supplier of the shop as the orders need it. */
    record Party(String key, UUID id, String name, UUID registeredTenantId, int leadDays) {
    }

    /** The rows made, and the receipts to make through the purchase orders (of the order received as the demo loads). */
    record Made(List<DemoPurchasingRows.Order> orders, List<DemoPurchasingRows.Line> lines,
                List<DemoPurchasingRows.History> history, List<DemoPurchasingRows.Rating> ratings,
                List<int[]> counters, List<Receipt> receipts) {
    }

    /** A receipt of every line of a shipped order. */
    record Receipt(UUID id, UUID orderId, List<DemoPurchasingRows.Line> lines) {
    }

    private final String slug;
    private final UUID tenant;
    private final String buyerName;
    private final String currency;
    private final ZoneId zone;
    private final Instant now;
    private final UUID locationId;
    private final Random random;

    DemoPurchaseOrders(String slug, UUID tenant, String buyerName, String currency, ZoneId zone, Instant now,
                       UUID locationId) {
        this.slug = slug;
        this.tenant = tenant;
        this.buyerName = buyerName;
        this.currency = currency;
        this.zone = zone;
        this.now = now;
        this.locationId = locationId;
        this.random = new Random(slug.hashCode());
    }

    Made make(List<DemoBuyers.Plan> plans, Map<String, Party> parties, Map<String, List<Offer>> offers) {
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            DemoBuyers.Plan plan = plans.get(i);
            Party party = parties.get(plan.supplierKey());
            List<Offer> offered = offers.getOrDefault(plan.supplierKey(), List.of());
            if (party != null && !offered.isEmpty()) {
                drafts.add(draft(i, plan, party, offered));
            }
        }
        drafts.sort(Comparator.comparing(Draft::created));
        List<DemoPurchasingRows.Order> orders = new ArrayList<>();
        List<DemoPurchasingRows.Line> lines = new ArrayList<>();
        List<DemoPurchasingRows.History> history = new ArrayList<>();
        List<DemoPurchasingRows.Rating> ratings = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        Map<Integer, Integer> lastPerYear = new TreeMap<>();
        int delivered = 0;
        for (Draft d : drafts) {
            int year = d.created().atZone(zone).getYear();
            int number = lastPerYear.merge(year, 1, Integer::sum);
            UUID supplierTenant = d.party().registeredTenantId();
            BigDecimal total = BigDecimal.ZERO;
            boolean toReceive = d.plan().receivedNow();
            boolean received = "DELIVERED".equals(d.plan().status()) && !toReceive;
            for (int p = 0; p < d.lines().size(); p++) {
                Picked line = d.lines().get(p);
                Offer o = line.offer();
                total = total.add(o.cost().multiply(BigDecimal.valueOf(line.quantity())));
                lines.add(new DemoPurchasingRows.Line(DemoIds.of(slug, "order", d.key(), "line", String.valueOf(p)),
                        tenant, supplierTenant, d.id(), p + 1, o.variantId(), o.supplierProductId(), o.sku(), o.label(),
                        line.quantity(), o.cost(), received ? line.quantity() : 0));
            }
            boolean cancelled = "CANCELLED".equals(d.plan().status());
            String numbered = String.format("ACH-%d-%06d", year, number);
            if (toReceive) {
                receipts.add(new Receipt(DemoIds.of(slug, "order", d.key(), "receipt"), d.id(),
                        List.copyOf(lines.subList(lines.size() - d.lines().size(), lines.size()))));
            }
            orders.add(new DemoPurchasingRows.Order(d.id(), tenant, numbered,
                    d.party().id(), supplierTenant, d.party().name(), buyerName, toReceive ? "SHIPPED" : d.plan().status(), currency,
                    Money.round(total, currency), d.expected(), cancelled ? null : d.plan().note(), locationId,
                    d.steps().get("SENT"), d.steps().get("CONFIRMED"), d.steps().get("SHIPPED"),
                    d.steps().get("DELIVERED"), d.steps().get("CANCELLED"), cancelled ? d.plan().note() : null,
                    d.created(), d.last()));
            for (Map.Entry<String, Instant> step : d.steps().entrySet()) {
                history.add(new DemoPurchasingRows.History(DemoIds.of(slug, "order", d.key(), "history", step.getKey()),
                        tenant, supplierTenant, d.id(), step.getKey(), note(d, step.getKey()),
                        bySupplier(d, step.getKey()), step.getValue()));
            }
            // Most delivered orders are rated a day or two later; a few are left for the shopkeeper to rate.
            if (received && delivered++ % 4 != 3) {
                int score = new int[] {5, 4, 5, 3, 4, 5, 4}[random.nextInt(7)];
                ratings.add(new DemoPurchasingRows.Rating(DemoIds.of(slug, "order", d.key(), "rating"), tenant,
                        d.party().id(), supplierTenant, d.id(), score,
                        DemoBuyers.COMMENTS.get(random.nextInt(DemoBuyers.COMMENTS.size())), buyerName,
                        next(d.last(), Duration.ofHours(2 + random.nextInt(40)))));
            }
        }
        List<int[]> counters = new ArrayList<>();
        lastPerYear.forEach((year, last) -> counters.add(new int[] {year, last}));
        return new Made(orders, lines, history, ratings, counters, receipts);
    }

    private record Picked(Offer offer, int quantity) {
    }

    private record Draft(String key, UUID id, DemoBuyers.Plan plan, Party party, Instant created,
                         Map<String, Instant> steps, LocalDate expected, List<Picked> lines) {

        Instant last() {
            return steps.values().stream().max(Comparator.naturalOrder()).orElse(created);
        }
    }

    private Draft draft(int index, DemoBuyers.Plan plan, Party party, List<Offer> offered) {
        String key = String.valueOf(index);
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant planned = today.minusDays(plan.ageDays()).atStartOfDay(zone).plusHours(8)
                .plusMinutes(random.nextInt(10 * 60)).toInstant();
        Instant latest = now.minus(Duration.ofMinutes(10));
        Instant created = planned.isAfter(latest) ? latest : planned;
        // Insertion order is the timeline's: DRAFT, SENT, then the moves up to the planned status.
        Map<String, Instant> steps = new java.util.LinkedHashMap<>();
        steps.put("DRAFT", created);
        // The order received as the demo loads is shipped: its receipt delivers it.
        String status = plan.receivedNow() ? "SHIPPED" : plan.status();
        if (!"DRAFT".equals(status)) {
            Instant sent = next(created, Duration.ofMinutes(20 + random.nextInt(160)));
            steps.put("SENT", sent);
            if ("CANCELLED".equals(status)) {
                steps.put("CANCELLED", next(sent, Duration.ofHours(3 + random.nextInt(30))));
            } else if (!"SENT".equals(status)) {
                Instant confirmed = next(sent, Duration.ofHours(2 + random.nextInt(18)));
                steps.put("CONFIRMED", confirmed);
                if (!"CONFIRMED".equals(status)) {
                    Instant shipped = next(confirmed, Duration.ofDays(Math.max(0, party.leadDays() - 1))
                            .plusHours(2 + random.nextInt(8)));
                    steps.put("SHIPPED", shipped);
                    if ("DELIVERED".equals(status)) {
                        steps.put("DELIVERED", next(shipped, Duration.ofHours(3 + random.nextInt(24))));
                    }
                }
            }
        }
        LocalDate expected = plan.expectedInDays() != null ? today.plusDays(plan.expectedInDays())
                : LocalDate.ofInstant(steps.getOrDefault("SENT", created), zone).plusDays(party.leadDays());
        List<Offer> shuffled = new ArrayList<>(offered);
        Collections.shuffle(shuffled, random);
        int count = shuffled.size() == 1 ? 1 : 2 + random.nextInt(Math.min(4, shuffled.size() - 1));
        List<Picked> picked = new ArrayList<>();
        for (Offer o : shuffled.subList(0, count)) {
            int quantity = o.packSize() > 1 ? o.packSize() * (1 + random.nextInt(3))
                    : o.minQuantity() * (1 + random.nextInt(3)) + random.nextInt(3);
            picked.add(new Picked(o, Math.max(quantity, o.minQuantity())));
        }
        return new Draft(key, DemoIds.of(slug, "order", key), plan, party, created, steps, expected, picked);
    }

    private static String note(Draft d, String status) {
        if ("CANCELLED".equals(status)) {
            return d.plan().note();
        }
        if ("DELIVERED".equals(status) && d.party().registeredTenantId() == null) {
            return "Tout est reçu"; // as the receipt that completes an order writes it
        }
        return null;
    }

    private static boolean bySupplier(Draft d, String status) {
        if (d.party().registeredTenantId() == null) {
            return false;
        }
        return switch (status) {
            case "CONFIRMED", "SHIPPED", "DELIVERED" -> true;
            case "CANCELLED" -> d.plan().refusedBySupplier();
            default -> false;
        };
    }

    /** The instant after {@code previous} by {@code gap}, kept in the past (a recent order's moves bunch up). */
    private Instant next(Instant previous, Duration gap) {
        Instant t = previous.plus(gap);
        Instant latest = now.minusSeconds(60);
        return t.isAfter(latest) ? previous.plus(Duration.between(previous, now).dividedBy(2)) : t;
    }
}
