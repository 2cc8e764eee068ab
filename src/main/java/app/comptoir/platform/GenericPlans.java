package app.comptoir.platform;

import java.util.function.Supplier;

/**
 * Transactions begun inside {@link #during} have PostgreSQL use the generic plan of each prepared statement
 * ({@code SET LOCAL plan_cache_mode = force_generic_plan}, sent with the transaction's tenant: no round trip more),
 * planned once per connection and kept, instead of a new plan at every execution.
 *
 * <p>For transactions made of lookups and writes by key, such as a checkout. PostgreSQL otherwise chooses, for a
 * statement with an array of ids ({@code id = any(?)}), a custom plan at every execution, because the generic plan's
 * estimate assumes ten ids: the same plan, estimated at twice the cost. Measured with {@code bench/CheckoutBench.java}:
 * the catalog's variants read twice and the payments' summary, re-planned at every order, were 1.8 ms of PostgreSQL's
 * CPU per order (0.4 and 0.9 ms per plan, against 0.1 ms to run them). Not for searches and lists, whose best plan
 * depends on the business and the words searched.
 */
public final class GenericPlans {

    private static final ThreadLocal<Boolean> ON = new ThreadLocal<>();

    private GenericPlans() {
    }

    /** Runs the work; the transactions it begins use generic plans. */
    public static <T> T during(Supplier<T> work) {
        Boolean before = ON.get();
        ON.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (before == null) {
                ON.remove();
            }
        }
    }

    /** Whether a transaction begun now should use generic plans. */
    public static boolean active() {
        return ON.get() != null;
    }
}
