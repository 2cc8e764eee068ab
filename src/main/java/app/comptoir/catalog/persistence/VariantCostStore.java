package app.comptoir.catalog.persistence;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The SQL of a variant's cost (what the business pays for it), read and changed alone. */
@Repository
public class VariantCostStore {

    private final JdbcTemplate jdbc;

    VariantCostStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The live variant's cost, its row locked until the transaction ends; empty when there is no such variant. */
    public Optional<Optional<BigDecimal>> lockCost(UUID tenant, UUID variantId) {
        return jdbc.query("select cost from variants where tenant_id = ? and id = ? and deleted_at is null for update",
                (rs, i) -> Optional.ofNullable(rs.getBigDecimal(1)), tenant, variantId).stream().findFirst();
    }

    /** The live variant's cost (empty when it has none or does not exist). */
    public Optional<BigDecimal> cost(UUID tenant, UUID variantId) {
        return jdbc.query("select cost from variants where tenant_id = ? and id = ? and deleted_at is null",
                (rs, i) -> rs.getBigDecimal(1), tenant, variantId).stream().filter(c -> c != null).findFirst();
    }

    /** Sets the cost; the version moves so that an edit of the product made from an older copy is refused. */
    public void setCost(UUID tenant, UUID variantId, BigDecimal cost, java.time.Instant at, UUID by) {
        jdbc.update("""
                update variants set cost = ?, updated_at = ?, updated_by = ?, version = version + 1
                 where tenant_id = ? and id = ?""", cost, java.sql.Timestamp.from(at), by, tenant, variantId);
    }
}
