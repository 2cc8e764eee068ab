package app.comptoir.purchasing.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.comptoir.platform.ConflictException;

/**
 * Refusal of a move the purchase order's workflow or the acting side does not allow (409
 * {@code purchase-order-transition}), with the statuses it is in and was asked for, and what is allowed.
 */
public class PurchaseOrderTransitionException extends ConflictException {

    /** The stable problem type. */
    public static final String TYPE = "purchase-order-transition";

    private final Map<String, Object> properties;

    public PurchaseOrderTransitionException(String detail, PurchaseOrderStatus from, PurchaseOrderStatus to,
                                            List<PurchaseOrderStatus> allowed) {
        super(TYPE, detail);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("from", from.name());
        if (to != null) {
            p.put("to", to.name());
        }
        p.put("allowed", allowed.stream().map(Enum::name).toList());
        this.properties = Map.copyOf(p);
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }
}
