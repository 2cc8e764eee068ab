package app.comptoir.inventory.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.comptoir.inventory.domain.AlertType;
import app.comptoir.inventory.domain.StockLevel;
import app.comptoir.inventory.domain.Thresholds;
import app.comptoir.platform.Ids;
import app.comptoir.platform.PageResponse;

/**
 * The SQL of raising and resolving stock alerts. The partial unique index on open alerts keeps one
 * alert per episode; {@code stock_levels.open_alerts} mirrors the types open for each level, kept exact
 * here (added when an alert is raised, recomputed whenever alerts are resolved), so that a change that
 * leaves every condition as it was needs no query ({@link LevelStore.Watch}).
 */
@Component
public class AlertStore {

    /** A level on hand that the slow-moving job looks at, with the times the rule needs. */
    public record SlowMovingCandidate(UUID variantId, UUID locationId, StockLevel level, Instant firstMovementAt,
                                      Instant lastOutgoingAt) {
    }

    /**
     * An alert as stored. A slow-moving digest has no variant nor location: {@code items} is the number of
     * stock levels it sums up and {@code available} their units on hand (null {@code items} otherwise). A late
     * delivery has no variant nor location either: it names a purchase order ({@code referenceId}, its id, and
     * {@code reference}, its number), {@code available} is its days late and {@code threshold} the rule's days.
     */
    public record AlertRow(UUID id, AlertType type, String severity, String state, UUID variantId, UUID locationId,
                           int available, Integer threshold, Integer items, Instant raisedAt, Instant readAt,
                           Instant resolvedAt, UUID referenceId, String reference) {
    }

    /** How many open alerts (new or read) there are of one severity and type. */
    public record GroupCount(String severity, AlertType type, long count) {
    }

    /** Critical first, then warnings, then information: the order of the alerts page and its groups. */
    static final String SEVERITY_RANK = "case severity when 'CRITICAL' then 0 when 'WARNING' then 1 else 2 end";

    private final JdbcTemplate jdbc;

    AlertStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The variant's thresholds (none when never set). */
    public Thresholds thresholds(UUID tenant, UUID variant) {
        return jdbc.query("""
                select t.alert_level, t.overstock_level, t.reorder_point, t.reorder_quantity, t.lead_time_days
                  from stock_thresholds t where t.tenant_id = ? and t.variant_id = ?""",
                (rs, i) -> new Thresholds((Integer) rs.getObject(1), (Integer) rs.getObject(2),
                        (Integer) rs.getObject(3), (Integer) rs.getObject(4), (Integer) rs.getObject(5)),
                tenant, variant).stream().findFirst().orElse(Thresholds.none());
    }

    /** Raises an alert unless one of this type is open for the variant and location; its id, or null. */
    public Raised raise(UUID tenant, AlertType type, UUID variant, UUID location, int available, Integer threshold,
                        Instant at) {
        UUID id = Ids.newId();
        // the rule's channels come back with the insert, so that raising an alert stays one statement
        List<Raised> inserted = jdbc.query("""
                insert into stock_alerts (id, tenant_id, type, severity, state, variant_id, location_id, available,
                  threshold, raised_at) values (?, ?, ?, ?, 'NEW', ?, ?, ?, ?, ?)
                on conflict (tenant_id, type, variant_id, location_id) where resolved_at is null do nothing
                returning id, """ + RULE_CHANNELS,
                (rs, n) -> new Raised(rs.getObject("id", UUID.class), channels(rs.getArray("channels"))),
                id, tenant, type.name(), type.severity(), variant, location, available, threshold, Timestamp.from(at));
        if (inserted.isEmpty()) {
            return null;
        }
        jdbc.update("""
                update stock_levels set open_alerts = array_append(open_alerts, ?::text)
                 where tenant_id = ? and variant_id = ? and location_id = ? and not (?::text = any(open_alerts))""",
                type.name(), tenant, variant, location, type.name());
        return inserted.getFirst();
    }

    /** An alert just raised, with the channels its rule names. */
    public record Raised(UUID id, List<String> channels) {
    }

    private static final String RULE_CHANNELS = """
            (select r.channels from stock_alert_rules r where r.tenant_id = stock_alerts.tenant_id
              and r.type = stock_alerts.type) as channels""";

    private static List<String> channels(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? List.of("IN_APP") : List.of((String[]) array.getArray());
    }

    /** Resolves the open alerts of these types for the level and leaves on it the types that stay open. */
    public void resolve(UUID tenant, UUID variant, UUID location, Collection<AlertType> types, Instant at) {
        jdbc.update("""
                with resolved as (
                    update stock_alerts set state = 'RESOLVED', resolved_at = ?
                     where tenant_id = ? and variant_id = ? and location_id = ? and resolved_at is null and type = any(?)
                    returning id)
                update stock_levels l set open_alerts = array(
                        select a.type::text from stock_alerts a
                         where a.tenant_id = l.tenant_id and a.variant_id = l.variant_id and a.location_id = l.location_id
                           and a.resolved_at is null and a.id not in (select id from resolved) order by a.type)
                 where l.tenant_id = ? and l.variant_id = ? and l.location_id = ?""",
                Timestamp.from(at), tenant, variant, location, names(types), tenant, variant, location);
    }

    /**
     * Resolves every open alert of these variants at every location (variants gone from the catalog) and
     * empties their levels' open types; returns how many alerts it resolved. The levels are updated in
     * variant then location order, as reservations lock them, so this cannot deadlock with one.
     */
    public int resolveAllOf(UUID tenant, Collection<UUID> variants, Instant at) {
        if (variants.isEmpty()) {
            return 0;
        }
        UUID[] ids = variants.stream().distinct().toArray(UUID[]::new);
        Integer resolved = jdbc.queryForObject("""
                with levels as (
                    select variant_id, location_id from stock_levels
                     where tenant_id = ? and variant_id = any(?) and cardinality(open_alerts) > 0
                     order by variant_id, location_id for update),
                cleared as (
                    update stock_levels l set open_alerts = '{}' from levels s
                     where l.tenant_id = ? and l.variant_id = s.variant_id and l.location_id = s.location_id),
                resolved as (
                    update stock_alerts set state = 'RESOLVED', resolved_at = ?
                     where tenant_id = ? and variant_id = any(?) and resolved_at is null returning id)
                select count(*) from resolved""", Integer.class, tenant, ids, tenant, Timestamp.from(at), tenant, ids);
        return resolved == null ? 0 : resolved;
    }

    /**
     * Raises an alert about something other than a stock level (a late purchase order: {@code referenceId} and
     * {@code reference}, its id and number) unless one of this type is open for it; the alert, or null. The
     * partial unique index on open referenced alerts makes a concurrent second raise insert nothing.
     */
    public Raised raiseReferenced(UUID tenant, AlertType type, UUID referenceId, String reference, int available,
                                  Integer threshold, Instant at) {
        return jdbc.query("""
                insert into stock_alerts (id, tenant_id, type, severity, state, reference_id, reference, available,
                  threshold, raised_at) values (?, ?, ?, ?, 'NEW', ?, ?, ?, ?, ?)
                on conflict (tenant_id, type, reference_id) where resolved_at is null and reference_id is not null
                do nothing
                returning id, """ + RULE_CHANNELS,
                (rs, n) -> new Raised(rs.getObject("id", UUID.class), channels(rs.getArray("channels"))),
                Ids.newId(), tenant, type.name(), type.severity(), referenceId, reference, available, threshold,
                Timestamp.from(at)).stream().findFirst().orElse(null);
    }

    /** Resolves the open alert of this type about {@code referenceId}; whether there was one. */
    public boolean resolveReferenced(UUID tenant, AlertType type, UUID referenceId, Instant at) {
        return jdbc.update("""
                update stock_alerts set state = 'RESOLVED', resolved_at = ?
                 where tenant_id = ? and type = ? and reference_id = ? and resolved_at is null""",
                Timestamp.from(at), tenant, type.name(), referenceId) > 0;
    }

    /** The business's enabled rule types with their threshold (null where the rule has none). */
    public Map<AlertType, Integer> enabledRules(UUID tenant) {
        Map<AlertType, Integer> enabled = new EnumMap<>(AlertType.class);
        jdbc.query("select type, threshold from stock_alert_rules where tenant_id = ? and enabled",
                rs -> {
                    enabled.put(AlertType.valueOf(rs.getString(1)), (Integer) rs.getObject(2));
                }, tenant);
        return enabled;
    }

    /** The SLOW_MOVING rule's days if the tenant has it enabled (its threshold may be null), else empty. */
    public List<Integer> slowMovingRule(UUID tenant) {
        return jdbc.queryForList("""
                select threshold from stock_alert_rules where tenant_id = ? and type = 'SLOW_MOVING' and enabled""",
                Integer.class, tenant);
    }

    /**
     * The levels with stock on hand, a movement before {@code since} and no outgoing movement since then
     * (the SQL narrows with the rule's window; the rule itself decides), in variant then location order.
     */
    public List<SlowMovingCandidate> slowMovingCandidates(UUID tenant, Instant since) {
        Timestamp from = Timestamp.from(since);
        return jdbc.query("""
                select l.variant_id, l.location_id, l.on_hand, l.reserved,
                       (select min(m.occurred_at) from stock_movements m where m.tenant_id = l.tenant_id
                           and m.variant_id = l.variant_id and m.location_id = l.location_id) as first_at,
                       (select max(m.occurred_at) from stock_movements m where m.tenant_id = l.tenant_id
                           and m.variant_id = l.variant_id and m.location_id = l.location_id
                           and m.type in ('ISSUE', 'SALE')) as last_out_at
                  from stock_levels l
                 where l.tenant_id = ? and l.on_hand > 0
                   and exists (select 1 from stock_movements m where m.tenant_id = l.tenant_id
                               and m.variant_id = l.variant_id and m.location_id = l.location_id
                               and m.occurred_at < ?)
                   and not exists (select 1 from stock_movements m where m.tenant_id = l.tenant_id
                               and m.variant_id = l.variant_id and m.location_id = l.location_id
                               and m.type in ('ISSUE', 'SALE') and m.occurred_at >= ?)
                 order by l.variant_id, l.location_id""",
                (rs, i) -> new SlowMovingCandidate(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        new StockLevel(rs.getInt(3), rs.getInt(4)), instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6))),
                tenant, from, from);
    }

    /**
     * Replaces the tenant's open slow-moving digest by a new one summing up {@code items} stock levels
     * holding {@code units} units (none when {@code items} is 0: the previous one is resolved all the same);
     * returns the new digest's id, or null. One digest per run, whatever the number of dormant products.
     */
    public Raised replaceSlowMovingDigest(UUID tenant, int items, int units, int days, Instant at) {
        jdbc.update("""
                update stock_alerts set state = 'RESOLVED', resolved_at = ?
                 where tenant_id = ? and type = 'SLOW_MOVING' and variant_id is null and resolved_at is null""",
                Timestamp.from(at), tenant);
        if (items == 0) {
            return null;
        }
        UUID id = Ids.newId();
        return jdbc.query("""
                insert into stock_alerts (id, tenant_id, type, severity, state, variant_id, location_id, available,
                  threshold, items, raised_at) values (?, ?, 'SLOW_MOVING', ?, 'NEW', null, null, ?, ?, ?, ?)
                returning id, """ + RULE_CHANNELS,
                (rs, n) -> new Raised(rs.getObject("id", UUID.class), channels(rs.getArray("channels"))),
                id, tenant, AlertType.SLOW_MOVING.severity(), units, days, items, Timestamp.from(at)).getFirst();
    }

    /**
     * A page of alerts, critical first then by type and newest first, in a state ({@code null}: the open ones, NEW and READ; "ALL": any),
     * of a severity and a type when given.
     */
    public PageResponse<AlertRow> page(UUID tenant, String state, String severity, AlertType type, int page, int size) {
        StringBuilder where = new StringBuilder(" where tenant_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        if (state == null) {
            where.append(" and state in ('NEW', 'READ')");
        } else if (!"ALL".equals(state)) {
            where.append(" and state = ?");
            args.add(state);
        }
        if (severity != null) {
            where.append(" and severity = ?");
            args.add(severity);
        }
        if (type != null) {
            where.append(" and type = ?");
            args.add(type.name());
        }
        Long total = jdbc.queryForObject("select count(*) from stock_alerts" + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<AlertRow> rows = jdbc.query("select * from stock_alerts" + where
                + " order by " + SEVERITY_RANK + ", type, raised_at desc, id desc limit ? offset ?", (rs, i) -> new AlertRow(
                        rs.getObject("id", UUID.class), AlertType.valueOf(rs.getString("type")), rs.getString("severity"),
                        rs.getString("state"), rs.getObject("variant_id", UUID.class),
                        rs.getObject("location_id", UUID.class), rs.getInt("available"),
                        (Integer) rs.getObject("threshold"), (Integer) rs.getObject("items"),
                        rs.getTimestamp("raised_at").toInstant(), instant(rs.getTimestamp("read_at")),
                        instant(rs.getTimestamp("resolved_at")), rs.getObject("reference_id", UUID.class),
                        rs.getString("reference")),
                args.toArray());
        return new PageResponse<>(rows, total == null ? 0 : total, page, size);
    }

    /**
     * How many open alerts (new or read) there are of each severity and type, critical first: the one
     * count of the alerts page, its API and the home page (a stock-out is an open OUT_OF_STOCK alert).
     */
    public List<GroupCount> openGroups(UUID tenant) {
        return jdbc.query("select severity, type, count(*) from stock_alerts"
                        + " where tenant_id = ? and state in ('NEW', 'READ')"
                        + " group by severity, type order by " + SEVERITY_RANK + ", type",
                (rs, i) -> new GroupCount(rs.getString(1), AlertType.valueOf(rs.getString(2)), rs.getLong(3)), tenant);
    }

    /** How many open alerts there are of each type, and of each state among them. */
    public Map<AlertType, Map<String, Long>> openCounts(UUID tenant) {
        Map<AlertType, Map<String, Long>> counts = new LinkedHashMap<>();
        jdbc.query("""
                select type, state, count(*) from stock_alerts
                 where tenant_id = ? and state in ('NEW', 'READ') group by type, state order by type, state""",
                rs -> {
                    counts.computeIfAbsent(AlertType.valueOf(rs.getString(1)), t -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getLong(3));
                }, tenant);
        return counts;
    }

    /** The number of new (unread) alerts. */
    public long unread(UUID tenant) {
        Long n = jdbc.queryForObject("select count(*) from stock_alerts where tenant_id = ? and state = 'NEW'",
                Long.class, tenant);
        return n == null ? 0 : n;
    }

    /** Marks every new alert read; returns how many. */
    public int markAllRead(UUID tenant, Instant at) {
        return jdbc.update("update stock_alerts set state = 'READ', read_at = ? where tenant_id = ? and state = 'NEW'",
                Timestamp.from(at), tenant);
    }

    /** Whether the alert exists. */
    public boolean exists(UUID tenant, UUID id) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from stock_alerts where tenant_id = ? and id = ?)", Boolean.class, tenant, id));
    }

    /** Moves the alert to {@code state} if it is in one of {@code from} (noting when it was first read). */
    public void changeState(UUID tenant, UUID id, String state, List<String> from, Instant at) {
        jdbc.update("""
                update stock_alerts set state = ?, read_at = coalesce(read_at, ?)
                 where tenant_id = ? and id = ? and state = any(?)""",
                state, Timestamp.from(at), tenant, id, from.toArray(String[]::new));
    }

    private static String[] names(Collection<AlertType> types) {
        return types.stream().map(AlertType::name).toArray(String[]::new);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
