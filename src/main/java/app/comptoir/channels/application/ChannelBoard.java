package app.comptoir.channels.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.channels.domain.ErrorCause;
import app.comptoir.channels.domain.JobState;
import app.comptoir.channels.domain.ListingState;
import app.comptoir.channels.persistence.ChannelBoardStore;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;

/**
 * What the back office reads of channels besides one listing: the listings board (searched, filtered by state, each
 * with its last job) and the statistics (published today, success rate, errors by cause, per day, time to sell).
 */
@Service
public class ChannelBoard {

    /** Days the per-day figures and the rates cover. */
    public static final int DAYS = 30;

    /** The figures of the statistics page and of {@code GET /api/v1/channels/stats}. */
    public record Stats(long publishedToday, long succeeded, long failed, Double successRate,
                        Map<ErrorCause, Long> errorsByCause, List<ChannelBoardStore.DayCount> days, long sold,
                        Double averageDaysToSell, Double medianDaysToSell) {

        /** Whether there is nothing to show yet. */
        public boolean empty() {
            return succeeded == 0 && failed == 0 && sold == 0 && errorsByCause.isEmpty();
        }
    }

    private final ChannelBoardStore store;
    private final Permissions permissions;
    private final TenantContext tenantContext;
    private final Tenants tenants;
    private final Clock clock;

    ChannelBoard(ChannelBoardStore store, Permissions permissions, TenantContext tenantContext, Tenants tenants,
                 Clock clock) {
        this.store = store;
        this.permissions = permissions;
        this.tenantContext = tenantContext;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** A page of the business's listings, newest first, whose title contains {@code query}, in {@code state}. */
    @Transactional(readOnly = true)
    public PageResponse<ChannelBoardStore.Row> listings(String query, ListingState state, int page, int size) {
        permissions.require(Permission.READ);
        UUID tenant = tenantContext.requireTenant();
        String q = query == null ? null : query.strip();
        if (q != null && q.length() > 200) {
            q = q.substring(0, 200);
        }
        int p = Math.min(Math.max(0, page), 100_000);
        int s = Math.min(Math.max(1, size), 200);
        return new PageResponse<>(store.listings(tenant, q, state, s, p * s), store.count(tenant, q, state), p, s);
    }

    /** The statistics of the last {@value #DAYS} days (time to sell: listings sold in the last 365 days). */
    @Transactional(readOnly = true)
    public Stats stats() {
        permissions.require(Permission.READ);
        UUID tenant = tenantContext.requireTenant();
        ZoneId zone = zone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant startOfToday = today.atStartOfDay(zone).toInstant();
        Instant from = today.minusDays(DAYS - 1L).atStartOfDay(zone).toInstant();
        long succeeded = store.finishedSince(tenant, JobState.SUCCEEDED, from);
        long failed = store.finishedSince(tenant, JobState.FAILED, from);
        Double rate = succeeded + failed == 0 ? null : Math.round(1000.0 * succeeded / (succeeded + failed)) / 10.0;
        Map<ErrorCause, Long> causes = new EnumMap<>(ErrorCause.class);
        store.failuresSince(tenant, from).forEach(f -> causes.merge(ErrorCause.of(f.text()), 1L, Long::sum));
        Map<LocalDate, ChannelBoardStore.DayCount> counted = store.perDay(tenant, zone.getId(), from).stream()
                .collect(Collectors.toMap(ChannelBoardStore.DayCount::day, Function.identity()));
        List<ChannelBoardStore.DayCount> days = new ArrayList<>();
        for (LocalDate day = today.minusDays(DAYS - 1L); !day.isAfter(today); day = day.plusDays(1)) {
            days.add(counted.getOrDefault(day, new ChannelBoardStore.DayCount(day, 0, 0)));
        }
        List<Double> hours = store.hoursToSell(tenant, now.minus(Duration.ofDays(365))).stream().sorted().toList();
        Double average = hours.isEmpty() ? null
                : round(hours.stream().mapToDouble(Double::doubleValue).average().orElse(0) / 24);
        Double median = hours.isEmpty() ? null : round((hours.size() % 2 == 1 ? hours.get(hours.size() / 2)
                : (hours.get(hours.size() / 2 - 1) + hours.get(hours.size() / 2)) / 2) / 24);
        return new Stats(store.publishedSince(tenant, startOfToday), succeeded, failed, rate, causes, days,
                hours.size(), average, median);
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(tenants.current().timezone());
        } catch (RuntimeException e) {
            return ZoneId.of("Europe/Paris");
        }
    }

    private static double round(double days) {
        return Math.round(days * 10) / 10.0;
    }
}
