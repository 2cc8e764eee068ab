package app.comptoir.platform;

/** What a user may do in their tenant. */
public enum Role {
    /** Everything, including users, settings and the audit trail. */
    ADMIN,
    /** Catalog, stock, orders and suppliers. */
    MANAGER,
    /** Deliveries assigned to them. */
    DRIVER,
    /** Read only. */
    VIEWER;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
