package app.comptoir.platform;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The names of the current business's users, for pages that show who did something (the audit trail shows
 * "Marie Dupont", not her e-mail). A port of the platform; identity implements it.
 */
public interface UserNames {

    /** The name of each of these users of the current tenant that is known (deleted users included). */
    Map<UUID, String> namesOf(Collection<UUID> userIds);
}
