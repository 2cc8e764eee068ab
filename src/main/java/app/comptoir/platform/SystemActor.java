package app.comptoir.platform;

import java.util.UUID;

/**
 * The author of what no person wrote (scheduled jobs, imports without a session, demo data, reactions to
 * events): a well-known id, the same in every deployment, named "Comptoir (système)". It is not a user. The
 * database fills it into any {@code created_by}, {@code updated_by} or movement {@code actor_id} left empty
 * (migration V12, function {@code comptoir_system_actor()}), so no business row is without an author.
 */
public final class SystemActor {

    /** The system actor's id, as {@code comptoir_system_actor()} returns it. */
    public static final UUID ID = UUID.fromString("00000000-0000-4000-8000-00000000c0de");

    /** Its name, as the audit trail shows it. */
    public static final String NAME = "Comptoir (système)";

    private SystemActor() {
    }
}
