package app.comptoir.channels.persistence;

import static app.comptoir.channels.persistence.AccountStore.instant;
import static app.comptoir.channels.persistence.AccountStore.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.comptoir.channels.domain.JobKind;
import app.comptoir.channels.domain.JobState;

/**
 * Every SQL text of publication jobs ({@code channel_jobs}). A job is claimed by one statement that moves it to
 * RUNNING from a row taken {@code for update skip locked}: two runners (two nodes) asking at once get different jobs
 * or none, never the same one.
 */
@Repository
public class PublicationJobStore {

    /** A job as stored. */
    public record Job(UUID id, UUID tenantId, UUID listingId, UUID accountId, JobKind kind, JobState state,
                      int attempts, Instant notBefore, boolean outcomeUnknown, UUID uploadSession, String error,
                      Instant createdAt, Instant startedAt, Instant finishedAt) {
    }

    private static final String COLUMNS = "id, tenant_id, listing_id, account_id, kind, state, attempts, not_before,"
            + " outcome_unknown, upload_session_id, error, created_at, started_at, finished_at";

    private final JdbcClient jdbc;

    PublicationJobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID tenant, UUID id, UUID listing, UUID account, JobKind kind, Instant at) {
        jdbc.sql("insert into channel_jobs (id, tenant_id, listing_id, account_id, kind, state, not_before,"
                        + " upload_session_id, created_at) values (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)")
                .params(id, tenant, listing, account, kind.name(), ts(at), UUID.randomUUID(), ts(at)).update();
    }

    public Optional<Job> find(UUID tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from channel_jobs where tenant_id = ? and id = ?")
                .params(tenant, id).query(PublicationJobStore::map).optional();
    }

    public List<Job> ofListing(UUID tenant, UUID listing) {
        return jdbc.sql("select " + COLUMNS + " from channel_jobs where tenant_id = ? and listing_id = ?"
                        + " order by created_at desc, id desc")
                .params(tenant, listing).query(PublicationJobStore::map).list();
    }

    /** A photo the job uploaded to the marketplace: its id and address there. */
    public record UploadedPhoto(long id, String url) {
    }

    /** The photos the job uploaded so far, in their order. */
    public List<UploadedPhoto> photos(UUID tenant, UUID job) {
        return jdbc.sql("select (p.photo ->> 'id')::bigint, p.photo ->> 'url' from channel_jobs j,"
                        + " jsonb_array_elements(j.photos) with ordinality p(photo, n)"
                        + " where j.tenant_id = ? and j.id = ? order by p.n")
                .params(tenant, job).query((rs, i) -> new UploadedPhoto(rs.getLong(1), rs.getString(2))).list();
    }

    /** Records one more photo uploaded by the job. */
    public void photoUploaded(UUID tenant, UUID job, UploadedPhoto photo) {
        jdbc.sql("update channel_jobs set photos = photos || jsonb_build_array(jsonb_build_object('id', ?::bigint,"
                        + " 'url', ?::text)) where tenant_id = ? and id = ?")
                .params(photo.id(), photo.url(), tenant, job).update();
    }

    /** Whether the listing has a job of this kind not finished yet. */
    public boolean open(UUID tenant, UUID listing, JobKind kind) {
        return jdbc.sql("select count(*) from channel_jobs where tenant_id = ? and listing_id = ? and kind = ?"
                        + " and state in ('PENDING', 'RUNNING', 'PAUSED')")
                .params(tenant, listing, kind.name()).query(Integer.class).single() > 0;
    }

    /** Whether the listing has a job of any kind not finished yet. */
    public boolean openAny(UUID tenant, UUID listing) {
        return jdbc.sql("select count(*) from channel_jobs where tenant_id = ? and listing_id = ?"
                        + " and state in ('PENDING', 'RUNNING', 'PAUSED')")
                .params(tenant, listing).query(Integer.class).single() > 0;
    }

    /** The ids of the business's jobs due at {@code now}, oldest first. */
    public List<UUID> due(UUID tenant, Instant now) {
        return jdbc.sql("select id from channel_jobs where tenant_id = ? and state in ('PENDING', 'PAUSED')"
                        + " and not_before <= ? order by not_before, id")
                .params(tenant, ts(now)).query((rs, i) -> rs.getObject(1, UUID.class)).list();
    }

    /** Claims the job when it is due and no other runner holds it; it is RUNNING when this returns it. */
    public Optional<Job> claim(UUID tenant, UUID id, Instant now) {
        return jdbc.sql("update channel_jobs set state = 'RUNNING', attempts = attempts + 1, started_at = ?"
                        + " where id = (select id from channel_jobs where tenant_id = ? and id = ?"
                        + " and state in ('PENDING', 'PAUSED') and not_before <= ? for update skip locked)"
                        + " returning " + COLUMNS)
                .params(ts(now), tenant, id, ts(now)).query(PublicationJobStore::map).optional();
    }

    /** Back to waiting until {@code until}, the attempt not counted when it sent nothing. */
    public void postpone(UUID tenant, UUID id, JobState state, Instant until, String why, boolean attemptCounts) {
        jdbc.sql("update channel_jobs set state = ?, not_before = ?, error = ?,"
                        + " attempts = attempts - case when ? then 0 else 1 end where tenant_id = ? and id = ?")
                .params(state.name(), ts(until), why, attemptCounts, tenant, id).update();
    }

    public void unknownOutcome(UUID tenant, UUID id, Instant retryAt, String why) {
        jdbc.sql("update channel_jobs set state = 'PENDING', not_before = ?, error = ?, outcome_unknown = true"
                        + " where tenant_id = ? and id = ?")
                .params(ts(retryAt), why, tenant, id).update();
    }

    public void finish(UUID tenant, UUID id, JobState state, String error, Instant at) {
        jdbc.sql("update channel_jobs set state = ?, error = ?, finished_at = ? where tenant_id = ? and id = ?")
                .params(state.name(), error, ts(at), tenant, id).update();
    }

    private static Job map(ResultSet rs, int i) throws SQLException {
        return new Job(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getObject("listing_id", UUID.class), rs.getObject("account_id", UUID.class),
                JobKind.valueOf(rs.getString("kind")), JobState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                instant(rs, "not_before"), rs.getBoolean("outcome_unknown"), rs.getObject("upload_session_id", UUID.class),
                rs.getString("error"), instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"));
    }
}
