package app.comptoir.identity.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.platform.TenantContext;
import app.comptoir.platform.UserNames;

/** The names of the current tenant's user accounts, deleted ones included (the audit trail still names them). */
@Repository
class AccountNames implements UserNames {

    private final JdbcTemplate jdbc;
    private final TenantContext tenantContext;

    AccountNames(JdbcTemplate jdbc, TenantContext tenantContext) {
        this.jdbc = jdbc;
        this.tenantContext = tenantContext;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> namesOf(Collection<UUID> userIds) {
        Map<UUID, String> names = new HashMap<>();
        if (userIds.isEmpty()) {
            return names;
        }
        jdbc.query("select id, name from users where tenant_id = ? and id = any(?)",
                rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("name"));
                },
                tenantContext.requireTenant(), userIds.toArray(UUID[]::new));
        return names;
    }
}
