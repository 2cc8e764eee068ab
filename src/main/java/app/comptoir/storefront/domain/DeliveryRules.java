package app.comptoir.storefront.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.Money;

/**
 * A shop's delivery rules: a flat fee, delivery free from an amount of goods ({@code freeAbove}, optional), fees per
 * postcode zone (a zone lists postcode prefixes; the longest matching prefix wins, else the flat fee), and optional
 * delivery slots (each of the next {@code daysAhead} days, from tomorrow, offers the same slots, each with a
 * capacity of orders). Amounts are in the business's currency and price mode (the fee is shown like the prices).
 */
public record DeliveryRules(BigDecimal flatFee, BigDecimal freeAbove, List<Zone> zones, Slots slots) {

    /** The most zones, prefixes per zone, and slots per day. */
    public static final int MAX_ZONES = 50;
    public static final int MAX_PREFIXES = 50;
    public static final int MAX_SLOTS = 12;

    /** Fees for postcodes starting with one of the prefixes. */
    public record Zone(String name, List<String> prefixes, BigDecimal fee) {
        public Zone {
            prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
        }
    }

    /** Delivery slots: on or off, how many days ahead, the slots of each day. */
    public record Slots(boolean enabled, int daysAhead, List<Slot> perDay) {
        public Slots {
            perDay = perDay == null ? List.of() : List.copyOf(perDay);
        }
    }

    /** A slot of a day ({@code 09:00–12:00}) and how many orders it takes. */
    public record Slot(String label, int capacity) {
    }

    /** A slot offered on a day, with the orders it can still take. */
    public record OfferedSlot(LocalDate day, String label, int capacity, int remaining) {
        public boolean full() {
            return remaining <= 0;
        }
    }

    public DeliveryRules {
        zones = zones == null ? List.of() : List.copyOf(zones);
        slots = slots == null ? new Slots(false, 0, List.of()) : slots;
    }

    /** A shop that set nothing: free delivery, no slots. */
    public static DeliveryRules free(String currency) {
        return new DeliveryRules(Money.zero(currency).amount(), null, List.of(), new Slots(false, 0, List.of()));
    }

    /**
     * The delivery fee of goods worth {@code goods} delivered to {@code postcode}: 0 from {@code freeAbove}, else
     * the fee of the zone with the longest matching prefix, else the flat fee.
     */
    public BigDecimal fee(BigDecimal goods, String postcode, String currency) {
        if (freeAbove != null && goods != null && goods.compareTo(freeAbove) >= 0) {
            return Money.zero(currency).amount();
        }
        return zoneOf(postcode).map(Zone::fee).map(f -> Money.round(f, currency))
                .orElse(Money.round(flatFee == null ? BigDecimal.ZERO : flatFee, currency));
    }

    /** The zone of a postcode (the longest matching prefix), if any. */
    public Optional<Zone> zoneOf(String postcode) {
        String code = normalise(postcode);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        Zone best = null;
        int bestLength = -1;
        for (Zone z : zones) {
            for (String p : z.prefixes()) {
                String prefix = normalise(p);
                if (!prefix.isEmpty() && code.startsWith(prefix) && prefix.length() > bestLength) {
                    best = z;
                    bestLength = prefix.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** How much more goods make the delivery free, if that rule is on and not reached. */
    public Optional<BigDecimal> missingForFree(BigDecimal goods) {
        if (freeAbove == null || goods == null || goods.compareTo(freeAbove) >= 0) {
            return Optional.empty();
        }
        return Optional.of(freeAbove.subtract(goods));
    }

    /**
     * The slots offered from the day after {@code today} for {@code daysAhead} days, each with what it can still take
     * ({@code taken}: orders already in a slot, keyed by {@link #slotKey}); none when slots are off.
     */
    public List<OfferedSlot> offered(LocalDate today, Map<String, Integer> taken) {
        if (!slots.enabled()) {
            return List.of();
        }
        List<OfferedSlot> result = new ArrayList<>();
        for (int d = 1; d <= slots.daysAhead(); d++) {
            LocalDate day = today.plusDays(d);
            for (Slot s : slots.perDay()) {
                int used = taken.getOrDefault(slotKey(day, s.label()), 0);
                result.add(new OfferedSlot(day, s.label(), s.capacity(), Math.max(0, s.capacity() - used)));
            }
        }
        return result;
    }

    /** The slot of this day and label, if the rules offer it from {@code today}. */
    public Optional<Slot> slot(LocalDate today, LocalDate day, String label) {
        if (!slots.enabled() || day == null || label == null || !day.isAfter(today)
                || day.isAfter(today.plusDays(slots.daysAhead()))) {
            return Optional.empty();
        }
        return slots.perDay().stream().filter(s -> s.label().equals(label)).findFirst();
    }

    /** The key of a day's slot in the counts of taken slots. */
    public static String slotKey(LocalDate day, String label) {
        return day + "|" + label;
    }

    /** Refuses the rules with every broken field at once (400), else answers them with amounts rounded. */
    public DeliveryRules validated(String currency) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        amount(errors, "flatFee", flatFee, currency, true);
        amount(errors, "freeAbove", freeAbove, currency, false);
        if (zones.size() > MAX_ZONES) {
            errors.add(new InvalidInputException.FieldError("zones", "must have at most " + MAX_ZONES + " zones"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < zones.size(); i++) {
            Zone z = zones.get(i);
            String f = "zones[" + i + "]";
            if (z == null) {
                errors.add(new InvalidInputException.FieldError(f, "is required"));
                continue;
            }
            if (z.name() == null || z.name().isBlank() || z.name().length() > 60) {
                errors.add(new InvalidInputException.FieldError(f + ".name", "is required (at most 60 characters)"));
            }
            if (z.prefixes().isEmpty() || z.prefixes().size() > MAX_PREFIXES) {
                errors.add(new InvalidInputException.FieldError(f + ".prefixes",
                        "must list 1 to " + MAX_PREFIXES + " postcode prefixes"));
            }
            for (String p : z.prefixes()) {
                String prefix = normalise(p);
                if (prefix.isEmpty() || prefix.length() > 10) {
                    errors.add(new InvalidInputException.FieldError(f + ".prefixes", "holds an empty or too long prefix"));
                } else if (!seen.add(prefix)) {
                    errors.add(new InvalidInputException.FieldError(f + ".prefixes",
                            "prefix " + prefix + " is in two zones"));
                }
            }
            amount(errors, f + ".fee", z.fee(), currency, true);
        }
        if (slots.enabled()) {
            if (slots.daysAhead() < 1 || slots.daysAhead() > 60) {
                errors.add(new InvalidInputException.FieldError("slots.daysAhead", "must be between 1 and 60"));
            }
            if (slots.perDay().isEmpty() || slots.perDay().size() > MAX_SLOTS) {
                errors.add(new InvalidInputException.FieldError("slots.perDay", "must list 1 to " + MAX_SLOTS + " slots"));
            }
            Set<String> labels = new HashSet<>();
            for (int i = 0; i < slots.perDay().size(); i++) {
                Slot s = slots.perDay().get(i);
                String f = "slots.perDay[" + i + "]";
                if (s == null || s.label() == null || s.label().isBlank() || s.label().length() > 40) {
                    errors.add(new InvalidInputException.FieldError(f + ".label", "is required (at most 40 characters)"));
                } else if (!labels.add(s.label().strip())) {
                    errors.add(new InvalidInputException.FieldError(f + ".label", "is given twice"));
                }
                if (s != null && (s.capacity() < 1 || s.capacity() > 10_000)) {
                    errors.add(new InvalidInputException.FieldError(f + ".capacity", "must be between 1 and 10000"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The delivery rules are not valid", errors);
        }
        List<Zone> cleanZones = zones.stream().map(z -> new Zone(z.name().strip(),
                z.prefixes().stream().map(DeliveryRules::normalise).toList(), Money.round(z.fee(), currency)))
                .sorted(Comparator.comparing(Zone::name)).toList();
        Slots cleanSlots = slots.enabled() ? new Slots(true, slots.daysAhead(), slots.perDay().stream()
                .map(s -> new Slot(s.label().strip(), s.capacity())).toList()) : new Slots(false, 0, List.of());
        return new DeliveryRules(Money.round(flatFee, currency),
                freeAbove == null ? null : Money.round(freeAbove, currency), cleanZones, cleanSlots);
    }

    private static void amount(List<InvalidInputException.FieldError> errors, String field, BigDecimal amount,
                               String currency, boolean required) {
        if (amount == null) {
            if (required) {
                errors.add(new InvalidInputException.FieldError(field, "is required"));
            }
            return;
        }
        if (amount.signum() < 0 || amount.compareTo(new BigDecimal("1000000000")) >= 0) {
            errors.add(new InvalidInputException.FieldError(field, "must be 0 or more"));
        } else if (!Money.fitsDecimals(amount, currency)) {
            errors.add(new InvalidInputException.FieldError(field,
                    "must have at most " + Money.decimals(currency) + " decimals in " + currency));
        }
    }

    private static String normalise(String postcode) {
        return postcode == null ? "" : postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
