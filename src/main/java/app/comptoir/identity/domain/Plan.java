package app.comptoir.identity.domain;

/**
 * A business's plan, chosen by the deployment's operator: how many users and products it may have, and how many
 * orders it may take in a calendar month of its time zone. The unlimited
 * plan is every business's until the operator picks another, so an upgrade never cuts a business short.
 */
public enum Plan {

    ESSENTIEL(3, 100, 300),
    PRO(15, 5_000, 5_000),
    ILLIMITE(null, null, null);

    private final Integer maxUsers;
    private final Integer maxProducts;
    private final Integer maxOrdersPerMonth;

    Plan(Integer maxUsers, Integer maxProducts, Integer maxOrdersPerMonth) {
        this.maxUsers = maxUsers;
        this.maxProducts = maxProducts;
        this.maxOrdersPerMonth = maxOrdersPerMonth;
    }

    /** The most orders created in one calendar month of the business's time zone (null: no limit). */
    public Integer maxOrdersPerMonth() {
        return maxOrdersPerMonth;
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
