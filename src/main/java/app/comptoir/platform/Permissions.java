package app.comptoir.platform;

/**
 * The one place that decides whether the current user may perform a business act (a port: identity
 * implements it from the user's roles and the business's role matrix).
 *
 * <p>Work that runs for no signed-in user (demo seeding, scheduled jobs, event reactions) is not a user
 * acting, so it is allowed: the entry points that users reach all require authentication first.
 */
public interface Permissions {

    /** Whether the current user may perform the act (templates use it to hide buttons). */
    boolean has(Permission permission);

    /** Refuses with {@link org.springframework.security.access.AccessDeniedException} (403) unless {@link #has}. */
    void require(Permission permission);
}
