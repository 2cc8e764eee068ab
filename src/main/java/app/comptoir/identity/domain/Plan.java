package app.comptoir.identity.domain;

/**
 * A business's plan, chosen by the deployment's operator: how many users and products it may have. The unlimited
 * plan is every business's until the operator picks another, so an upgrade never cuts a business short.
 */
public enum Plan {

    ESSENTIEL(3, 100),
    PRO(15, 5_000),
    ILLIMITE(null, null);

    private final Integer maxUsers;
    private final Integer maxProducts;

    Plan(Integer maxUsers, Integer maxProducts) {
        this.maxUsers = maxUsers;
        this.maxProducts = maxProducts;
    }

    /** The most users (null: no limit). */
    public Integer maxUsers() {
        return maxUsers;
    }

    /** The most products (null: no limit). */
    public Integer maxProducts() {
        return maxProducts;
    }

    /** Whether one more of something the plan allows {@code max} of fits, {@code used} being in use. */
    public static boolean roomFor(Integer max, long used) {
        return max == null || used < max;
    }
}
