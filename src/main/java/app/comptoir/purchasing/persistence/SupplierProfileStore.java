package app.comptoir.purchasing.persistence;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.comptoir.purchasing.domain.SupplierOfferRules.ProfileSpec;

/**
 * The commercial profiles of registered suppliers ({@code supplier_profiles}, one row per supplier business).
 * Only the owner writes its row (row-level security); every signed-in business reads the published ones.
 */
@Repository
public class SupplierProfileStore {

    /** A profile as stored. */
    public record Row(UUID tenantId, String company, String description, String city, List<String> deliveryZones,
                      List<String> categories, BigDecimal minimumOrder, String currency, Integer averageDeliveryDays,
                      String phone, String email, boolean verified, boolean published) {
    }

    private final JdbcClient jdbc;

    SupplierProfileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The supplier's profile, if its business has one (readable: its own, or any published one). */
    public Optional<Row> find(UUID supplierTenantId) {
        return jdbc.sql("select * from supplier_profiles where tenant_id = :tenant")
                .param("tenant", supplierTenantId).query(SupplierProfileStore::row).optional();
    }

    /**
     * Creates the profile of a new supplier business unless it has one (sign-up and an accepted invitation may
     * both try); {@code verified} raises the flag of an existing row too (an invited supplier is verified).
     */
    public void create(UUID tenantId, String company, String currency, String email, boolean verified, Instant at) {
        jdbc.sql("""
                        insert into supplier_profiles (tenant_id, company, currency, email, verified, created_at, updated_at)
                        values (:tenant, :company, :currency, :email, :verified, :at, :at)
                        on conflict (tenant_id) do update set verified = supplier_profiles.verified or excluded.verified""")
                .param("tenant", tenantId).param("company", company).param("currency", currency)
                .param("email", email).param("verified", verified).param("at", Timestamp.from(at)).update();
    }

    /** Saves what the supplier may change (never {@code verified}); false when the business has no profile. */
    public boolean update(UUID tenantId, ProfileSpec spec, UUID actor, Instant at) {
        return jdbc.sql("""
                        update supplier_profiles set company = :company, description = :description, city = :city,
                          delivery_zones = :zones, categories = :categories, minimum_order = :minimum,
                          average_delivery_days = :days, phone = :phone, email = :email, updated_at = :at,
                          updated_by = :actor, version = version + 1
                        where tenant_id = :tenant""")
                .param("tenant", tenantId).param("company", spec.company()).param("description", spec.description())
                .param("city", spec.city()).param("zones", spec.deliveryZones().toArray(String[]::new))
                .param("categories", spec.categories().toArray(String[]::new))
                .param("minimum", spec.minimumOrder()).param("days", spec.averageDeliveryDays())
                .param("phone", spec.phone()).param("email", spec.email()).param("at", Timestamp.from(at))
                .param("actor", actor).update() == 1;
    }

    static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getObject("tenant_id", UUID.class), rs.getString("company"), rs.getString("description"),
                rs.getString("city"), strings(rs.getArray("delivery_zones")), strings(rs.getArray("categories")),
                rs.getBigDecimal("minimum_order"), rs.getString("currency"),
                (Integer) rs.getObject("average_delivery_days"), rs.getString("phone"), rs.getString("email"),
                rs.getBoolean("verified"), rs.getBoolean("published"));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
