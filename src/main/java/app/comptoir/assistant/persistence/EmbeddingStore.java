package app.comptoir.assistant.persistence;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.comptoir.assistant.domain.Vectors;

/**
 * The products' embeddings ({@code assistant_embeddings}, one row per product and business, {@code real[]}), and
 * the nearest-neighbour query run by PostgreSQL when it has the pgvector extension. Each method runs in the caller's
 * transaction, which carries the tenant for row-level security; the queries also name the tenant.
 */
@Repository
public class EmbeddingStore {

    /**
     * The nearest products by cosine distance, computed by pgvector over the stored arrays cast to {@code vector}
     * (no index: a business has some thousands of products, a scan of them is a few milliseconds). Parameters: the
     * query vector (text {@code [x,y,...]}), the tenant, the product to leave out (or null), the least similarity,
     * the limit. Ordered as {@link Vectors#BY_SIMILARITY}: nearest, then by product id.
     */
    public static final String PGVECTOR_NEAREST = """
            select product_id, 1 - (embedding::vector <=> cast(? as vector)) as similarity
              from assistant_embeddings
             where tenant_id = ? and product_id is distinct from cast(? as uuid)
               and 1 - (embedding::vector <=> cast(? as vector)) >= ?
             order by embedding::vector <=> cast(? as vector), product_id
             limit ?""";

    private final JdbcClient jdbc;

    EmbeddingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether this database has the pgvector extension installed. */
    public boolean hasPgvector() {
        return jdbc.sql("select exists (select 1 from pg_extension where extname = 'vector')").query(Boolean.class)
                .single();
    }

    /** The hash of the text each stored embedding was computed from, by product. */
    public Map<UUID, String> hashes(UUID tenant) {
        Map<UUID, String> hashes = new HashMap<>();
        jdbc.sql("select product_id, text_hash from assistant_embeddings where tenant_id = ?").param(tenant)
                .query(rs -> {
                    hashes.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return hashes;
    }

    /** The hash of one product's stored embedding, or null. */
    public String hash(UUID tenant, UUID productId) {
        return jdbc.sql("select text_hash from assistant_embeddings where tenant_id = ? and product_id = ?")
                .params(tenant, productId).query(String.class).optional().orElse(null);
    }

    /** Stores (or replaces) a product's embedding. */
    public void save(UUID tenant, UUID productId, String hash, float[] vector, Instant at) {
        jdbc.sql("""
                        insert into assistant_embeddings (tenant_id, product_id, text_hash, embedding, updated_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (tenant_id, product_id) do update set text_hash = excluded.text_hash,
                          embedding = excluded.embedding, updated_at = excluded.updated_at""")
                .params(tenant, productId, hash, boxed(vector), Timestamp.from(at))
                .update();
    }

    /** Forgets the embeddings of products that left the catalog; how many. */
    public int delete(UUID tenant, List<UUID> productIds) {
        if (productIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from assistant_embeddings where tenant_id = ? and product_id = any(?)")
                .params(tenant, productIds.toArray(UUID[]::new)).update();
    }

    /** How many products of the business have an embedding. */
    public long count(UUID tenant) {
        return jdbc.sql("select count(*) from assistant_embeddings where tenant_id = ?").param(tenant)
                .query(Long.class).single();
    }

    /** One product's embedding, if stored. */
    public float[] vector(UUID tenant, UUID productId) {
        return jdbc.sql("select embedding from assistant_embeddings where tenant_id = ? and product_id = ?")
                .params(tenant, productId).query((rs, i) -> floats(rs.getArray(1))).optional().orElse(null);
    }

    /** Every embedding of the business (some thousands of 384 floats: about 1.5 MB per thousand products). */
    public List<Vectors.Stored> vectors(UUID tenant) {
        return jdbc.sql("select product_id, embedding from assistant_embeddings where tenant_id = ?").param(tenant)
                .query((rs, i) -> new Vectors.Stored(rs.getObject(1, UUID.class), floats(rs.getArray(2))))
                .list();
    }

    /** The nearest products computed by pgvector ({@link #PGVECTOR_NEAREST}). */
    public List<Vectors.Neighbour> nearestByPgvector(UUID tenant, float[] query, UUID exclude, double minSimilarity,
                                                     int limit) {
        String literal = literal(query);
        return jdbc.sql(PGVECTOR_NEAREST)
                .params(literal, tenant, exclude, literal, minSimilarity, literal, limit)
                .query((rs, i) -> new Vectors.Neighbour(rs.getObject(1, UUID.class), rs.getDouble(2)))
                .list();
    }

    /** A vector as pgvector's text form, {@code [0.1,-0.2,...]}. */
    public static String literal(float[] v) {
        StringBuilder s = new StringBuilder(v.length * 12).append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(v[i]);
        }
        return s.append(']').toString();
    }

    private static Float[] boxed(float[] v) {
        Float[] boxed = new Float[v.length];
        for (int i = 0; i < v.length; i++) {
            boxed[i] = v[i];
        }
        return boxed;
    }

    private static float[] floats(Array array) throws SQLException {
        Object values = array.getArray();
        if (values instanceof Float[] boxed) {
            float[] v = new float[boxed.length];
            for (int i = 0; i < boxed.length; i++) {
                v[i] = boxed[i];
            }
            return v;
        }
        if (values instanceof float[] v) {
            return v;
        }
        throw new SQLException("unexpected array type " + values.getClass());
    }

}
