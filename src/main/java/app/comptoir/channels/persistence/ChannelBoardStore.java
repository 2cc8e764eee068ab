package app.comptoir.channels.persistence;

import static app.comptoir.channels.persistence.AccountStore.instant;
import static app.comptoir.channels.persistence.AccountStore.ts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.comptoir.channels.domain.JobKind;
import app.comptoir.channels.domain.JobState;
import app.comptoir.channels.domain.ListingState;

/**
 * The back office's read models of channels (every SQL text of them): the listings board (searched, filtered by
 * state, each with its last job) and the figures of the statistics page. Reads only.
 */
@Repository
public class ChannelBoardStore {

    /** A listing as the board shows it, with its last job (null when none was queued). */
    public record Row(UUID id, UUID accountId, UUID variantId, String title, BigDecimal price, String currency,
                      ListingState state, Instant createdAt, Instant publishedAt, JobKind lastJobKind,
                      JobState lastJobState, Instant lastJobAt, String lastJobError) {
    }

    /** Jobs finished on one day of the business's calendar. */
    public record DayCount(LocalDate day, long published, long failed) {
    }

    /** A finished-with-error job or a pause: its text, for the errors by cause. */
    public record Failure(String what, String text) {
    }

    private final JdbcClient jdbc;

    ChannelBoardStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> listings(UUID tenant, String query, ListingState state, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        String where = where(tenant, query, state, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select l.id, l.account_id, l.variant_id, l.title, l.price, l.currency, l.state, l.created_at,"
                        + " l.published_at, j.kind as job_kind, j.state as job_state,"
                        + " coalesce(j.finished_at, j.started_at, j.created_at) as job_at, j.error as job_error"
                        + " from channel_listings l left join lateral (select kind, state, created_at, started_at,"
                        + " finished_at, error from channel_jobs j where j.tenant_id = l.tenant_id and j.listing_id = l.id"
                        + " order by j.created_at desc, j.id desc limit 1) j on true"
                        + where + " order by l.created_at desc, l.id limit ? offset ?")
                .params(params).query(ChannelBoardStore::row).list();
    }

    public long count(UUID tenant, String query, ListingState state) {
        List<Object> params = new ArrayList<>();
        String where = where(tenant, query, state, params);
        return jdbc.sql("select count(*) from channel_listings l" + where).params(params).query(Long.class).single();
    }

    /** PUBLISH jobs that succeeded since {@code from}. */
    public long publishedSince(UUID tenant, Instant from) {
        return jdbc.sql("select count(*) from channel_jobs where tenant_id = ? and kind = 'PUBLISH'"
                        + " and state = 'SUCCEEDED' and finished_at >= ?")
                .params(tenant, ts(from)).query(Long.class).single();
    }

    /** Jobs finished since {@code from} in this state. */
    public long finishedSince(UUID tenant, JobState state, Instant from) {
        return jdbc.sql("select count(*) from channel_jobs where tenant_id = ? and state = ? and finished_at >= ?")
                .params(tenant, state.name(), ts(from)).query(Long.class).single();
    }

    /** Per day of the business's time zone: publications that succeeded and jobs that failed since {@code from}. */
    public List<DayCount> perDay(UUID tenant, String zone, Instant from) {
        return jdbc.sql("select (finished_at at time zone ?)::date as day,"
                        + " count(*) filter (where kind = 'PUBLISH' and state = 'SUCCEEDED') as published,"
                        + " count(*) filter (where state = 'FAILED') as failed"
                        + " from channel_jobs where tenant_id = ? and finished_at >= ? group by 1 order by 1")
                .params(zone, tenant, ts(from))
                .query((rs, i) -> new DayCount(rs.getObject("day", LocalDate.class), rs.getLong("published"),
                        rs.getLong("failed")))
                .list();
    }

    /** The errors of failed jobs and the reasons of pauses since {@code from}. */
    public List<Failure> failuresSince(UUID tenant, Instant from) {
        return jdbc.sql("select 'FAILED' as what, coalesce(error, '') as text from channel_jobs"
                        + " where tenant_id = ? and state = 'FAILED' and finished_at >= ?"
                        + " union all select 'PAUSED', coalesce(detail, '') from channel_listing_events"
                        + " where tenant_id = ? and what = 'PAUSED' and at >= ?")
                .params(tenant, ts(from), tenant, ts(from))
                .query((rs, i) -> new Failure(rs.getString("what"), rs.getString("text"))).list();
    }

    /** How long sold listings stayed published, in hours (published → sold), for those sold since {@code from}. */
    public List<Double> hoursToSell(UUID tenant, Instant from) {
        return jdbc.sql("select extract(epoch from sold_at - published_at) / 3600.0 from channel_listings"
                        + " where tenant_id = ? and state = 'SOLD' and published_at is not null and sold_at >= ?"
                        + " and sold_at >= published_at")
                .params(tenant, ts(from)).query((rs, i) -> rs.getDouble(1)).list();
    }

    private static String where(UUID tenant, String query, ListingState state, List<Object> params) {
        StringBuilder where = new StringBuilder(" where l.tenant_id = ?");
        params.add(tenant);
        if (query != null && !query.isBlank()) {
            where.append(" and l.title ilike ? escape '\\'");
            params.add("%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (state != null) {
            where.append(" and l.state = ?");
            params.add(state.name());
        }
        return where.toString();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        String kind = rs.getString("job_kind");
        String jobState = rs.getString("job_state");
        return new Row(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getObject("variant_id", UUID.class), rs.getString("title"), rs.getBigDecimal("price"),
                rs.getString("currency"), ListingState.valueOf(rs.getString("state")), instant(rs, "created_at"),
                instant(rs, "published_at"), kind == null ? null : JobKind.valueOf(kind),
                jobState == null ? null : JobState.valueOf(jobState), instant(rs, "job_at"), rs.getString("job_error"));
    }
}
