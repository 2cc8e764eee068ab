package app.comptoir.catalog.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the category tree needs to know of the products filed in its categories. */
@Component
public class CategoryProducts {

    private final JdbcTemplate jdbc;

    CategoryProducts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of live products directly in each category that holds any. */
    public Map<UUID, Long> directCounts(UUID tenantId) {
        Map<UUID, Long> direct = new HashMap<>();
        jdbc.query("""
                select category_id, count(*) from products where tenant_id = ? and deleted_at is null
                and category_id is not null group by category_id""",
                rs -> { direct.put(rs.getObject(1, UUID.class), rs.getLong(2)); }, tenantId);
        return direct;
    }

    /** The number of live products directly in the category. */
    public long liveCount(UUID tenantId, UUID categoryId) {
        Long count = jdbc.queryForObject(
                "select count(*) from products where tenant_id = ? and category_id = ? and deleted_at is null",
                Long.class, tenantId, categoryId);
        return count == null ? 0 : count;
    }
}
