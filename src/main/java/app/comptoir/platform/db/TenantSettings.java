package app.comptoir.platform.db;

import java.util.UUID;

/**
 * The statements that tell PostgreSQL which business and user a transaction runs for: {@code SET LOCAL} rather
 * than {@code set_config(…, true)}, because Citus propagates {@code SET LOCAL} to its workers
 * ({@code citus.propagate_set_commands = 'local'}) and not a function call, so row-level security on the shards
 * sees the business too. {@code SET} takes no bind parameter: the values are written from {@link UUID}s only
 * (hex digits and dashes), never from a string, and an absent one as {@code ''}, which the policies read as none.
 */
public final class TenantSettings {

    private TenantSettings() {
    }

    /** Both settings, transaction-local, in one text (one statement execution, one round trip). */
    public static String setLocal(UUID tenant, UUID user) {
        return "set local app.tenant_id = '" + text(tenant) + "'; set local app.user_id = '" + text(user) + "'";
    }

    private static String text(UUID id) {
        return id == null ? "" : id.toString();
    }
}
