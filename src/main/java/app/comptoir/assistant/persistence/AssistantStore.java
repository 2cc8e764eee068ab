package app.comptoir.assistant.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every SQL text of the assistant: a business's provider settings ({@code assistant_settings}, the API key
 * sealed), the description cache ({@code assistant_descriptions}) and the business's counters
 * ({@code assistant_usage}, one row changed by atomic increments only, so concurrent requests never lose a count).
 * Each method runs in the caller's transaction, which carries the tenant for row-level security.
 */
@Repository
public class AssistantStore {

    /** A business's own provider settings; {@code provider} null: the deployment's. */
    public record Settings(String provider, String model, String baseUrl, byte[] apiKeySealed, String keyId,
                           String keyHint, BigDecimal pricePer1kIn, BigDecimal pricePer1kOut, long version,
                           Instant updatedAt) {
    }

    /** A cached description and what writing it cost. */
    public record Cached(String description, String provider, String model, int tokensIn, int tokensOut,
                         BigDecimal cost) {
    }

    /** A description to keep. */
    public record NewEntry(String cacheKey, UUID productId, UUID variantId, String platform, String tone,
                           String length, String language, String provider, String model, String description,
                           int tokensIn, int tokensOut, BigDecimal cost) {
    }

    /** The business's counters. */
    public record Usage(long hits, long misses, long tokensIn, long tokensOut, BigDecimal cost, long tokensSaved,
                        BigDecimal costSaved) {

        public static final Usage NONE = new Usage(0, 0, 0, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO);
    }

    private final JdbcClient jdbc;

    AssistantStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Settings> settings(UUID tenant) {
        return jdbc.sql("""
                        select provider, model, base_url, api_key_encrypted, key_id, key_hint, price_input_per_1k,
                               price_output_per_1k, version, updated_at
                          from assistant_settings where tenant_id = ?""")
                .param(tenant)
                .query((rs, i) -> new Settings(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getLong(9),
                        rs.getTimestamp(10).toInstant()))
                .optional();
    }

    /** Stores the business's settings (the version grows by one at each change). */
    public void saveSettings(UUID tenant, Settings s, Instant at, UUID by) {
        jdbc.sql("""
                        insert into assistant_settings (tenant_id, provider, model, base_url, api_key_encrypted, key_id,
                          key_hint, price_input_per_1k, price_output_per_1k, created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id) do update set provider = excluded.provider, model = excluded.model,
                          base_url = excluded.base_url, api_key_encrypted = excluded.api_key_encrypted,
                          key_id = excluded.key_id, key_hint = excluded.key_hint,
                          price_input_per_1k = excluded.price_input_per_1k,
                          price_output_per_1k = excluded.price_output_per_1k, updated_at = excluded.updated_at,
                          updated_by = excluded.updated_by, version = assistant_settings.version + 1""")
                .params(tenant, s.provider(), s.model(), s.baseUrl(), s.apiKeySealed(), s.keyId(), s.keyHint(),
                        s.pricePer1kIn(), s.pricePer1kOut(), Timestamp.from(at), by, Timestamp.from(at), by)
                .update();
    }

    /** The cached description with this key, counted as a hit. */
    public Optional<Cached> hit(UUID tenant, String cacheKey, Instant at) {
        return jdbc.sql("""
                        update assistant_descriptions set hits = hits + 1, last_hit_at = ?
                         where tenant_id = ? and cache_key = ?
                        returning description, provider, model, tokens_in, tokens_out, cost""")
                .params(Timestamp.from(at), tenant, cacheKey)
                .query((rs, i) -> new Cached(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getBigDecimal(6)))
                .optional();
    }

    /**
     * Keeps a description; when one is kept for the same key (another request kept it meanwhile), that one stays,
     * unless {@code replace} (a regenerated text).
     */
    public void keep(UUID tenant, NewEntry e, boolean replace, Instant at, UUID by) {
        jdbc.sql("""
                        insert into assistant_descriptions (tenant_id, cache_key, product_id, variant_id, platform, tone,
                          length, language, provider, model, description, tokens_in, tokens_out, cost, created_at,
                          created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, cache_key) do\s""" + (replace ? """
                        update set description = excluded.description, tokens_in = excluded.tokens_in,
                          tokens_out = excluded.tokens_out, cost = excluded.cost, updated_at = excluded.updated_at,
                          updated_by = excluded.updated_by, version = assistant_descriptions.version + 1""" : "nothing"))
                .params(tenant, e.cacheKey(), e.productId(), e.variantId(), e.platform(), e.tone(), e.length(),
                        e.language(), e.provider(), e.model(), e.description(), e.tokensIn(), e.tokensOut(), e.cost(),
                        Timestamp.from(at), by, Timestamp.from(at), by)
                .update();
    }

    /** How many descriptions the business has cached. */
    public long entries(UUID tenant) {
        return jdbc.sql("select count(*) from assistant_descriptions where tenant_id = ?").param(tenant)
                .query(Long.class).single();
    }

    /** Counts a request answered from the cache and what it saved. */
    public void countHit(UUID tenant, long tokensSaved, BigDecimal costSaved, Instant at) {
        increment(tenant, 1, 0, 0, 0, BigDecimal.ZERO, tokensSaved, costSaved, at);
    }

    /** Counts a request written anew and what the provider was paid for it. */
    public void countMiss(UUID tenant, long tokensIn, long tokensOut, BigDecimal cost, Instant at) {
        increment(tenant, 0, 1, tokensIn, tokensOut, cost, 0, BigDecimal.ZERO, at);
    }

    private void increment(UUID tenant, long hits, long misses, long tokensIn, long tokensOut, BigDecimal cost,
                           long tokensSaved, BigDecimal costSaved, Instant at) {
        jdbc.sql("""
                        insert into assistant_usage as u (tenant_id, cache_hits, cache_misses, tokens_in, tokens_out, cost,
                          tokens_saved, cost_saved, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id) do update set cache_hits = u.cache_hits + excluded.cache_hits,
                          cache_misses = u.cache_misses + excluded.cache_misses,
                          tokens_in = u.tokens_in + excluded.tokens_in, tokens_out = u.tokens_out + excluded.tokens_out,
                          cost = u.cost + excluded.cost, tokens_saved = u.tokens_saved + excluded.tokens_saved,
                          cost_saved = u.cost_saved + excluded.cost_saved, updated_at = excluded.updated_at""")
                .params(tenant, hits, misses, tokensIn, tokensOut, cost, tokensSaved, costSaved, Timestamp.from(at))
                .update();
    }

    public Usage usage(UUID tenant) {
        return jdbc.sql("""
                        select cache_hits, cache_misses, tokens_in, tokens_out, cost, tokens_saved, cost_saved
                          from assistant_usage where tenant_id = ?""")
                .param(tenant)
                .query((rs, i) -> new Usage(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getBigDecimal(5), rs.getLong(6), rs.getBigDecimal(7)))
                .optional().orElse(Usage.NONE);
    }
}
