package app.comptoir.notifications.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deployment's VAPID key pair ({@code push_vapid_keys}, V26): one global row, not tenant-owned. */
@Repository
public class VapidKeyStore {

    /** The stored pair, base64url texts. */
    public record Row(String publicKey, String privateKey) {
        @Override
        public String toString() {
            return "Row[" + publicKey + ", ****]";
        }
    }

    private final JdbcClient jdbc;

    public VapidKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find() {
        return jdbc.sql("select public_key, private_key from push_vapid_keys where id = 1")
                .query((rs, n) -> new Row(rs.getString("public_key"), rs.getString("private_key"))).optional();
    }

    /** Stores a pair unless another node stored one first (then this one is dropped: read {@link #find} again). */
    public void insertIfAbsent(Row row, Instant now) {
        jdbc.sql("insert into push_vapid_keys (id, public_key, private_key, created_at) values (1, :public, :private, :now) "
                        + "on conflict (id) do nothing")
                .param("public", row.publicKey()).param("private", row.privateKey())
                .param("now", now.atOffset(ZoneOffset.UTC)).update();
    }
}
