package app.comptoir.identity.application;

import java.util.Map;

import org.springframework.http.HttpStatus;

import app.comptoir.platform.ComptoirException;

/**
 * A 409 {@code quota-exceeded}: the business's plan allows no more of something; names the limit, the plan, its
 * maximum, how many are in use and, for a monthly quota, the period ({@code month}).
 */
public class QuotaExceededException extends ComptoirException {

    private final String limit;
    private final String plan;
    private final int max;
    private final long used;
    private final String period;

    /** {@code period}: null for a quota of things kept, {@code month} for one counted per month (figures of this one). */
    public QuotaExceededException(String limit, String plan, int max, long used, String period) {
        super(HttpStatus.CONFLICT, "quota-exceeded", "The plan " + plan + " allows at most " + max + " " + limit
                + (period == null ? "" : " a " + period) + " (" + used + " used)"
                + "; ask the operator of this service for a larger plan");
        this.limit = limit;
        this.plan = plan;
        this.max = max;
        this.used = used;
        this.period = period;
    }

    @Override
    public Map<String, Object> properties() {
        return period == null ? Map.of("limit", limit, "plan", plan, "max", max, "used", used)
                : Map.of("limit", limit, "plan", plan, "max", max, "used", used, "period", period);
    }
}
