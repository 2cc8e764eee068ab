package app.comptoir.identity.application;

import java.util.Map;

import org.springframework.http.HttpStatus;

import app.comptoir.platform.ComptoirException;

/** A 409 {@code quota-exceeded}: the business's plan allows no more of something; names the limit and the plan. */
public class QuotaExceededException extends ComptoirException {

    private final String limit;
    private final String plan;
    private final int max;

    public QuotaExceededException(String limit, String plan, int max) {
        super(HttpStatus.CONFLICT, "quota-exceeded", "The plan " + plan + " allows at most " + max + " " + limit
                + "; ask the operator of this service for a larger plan");
        this.limit = limit;
        this.plan = plan;
        this.max = max;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("limit", limit, "plan", plan, "max", max);
    }
}
