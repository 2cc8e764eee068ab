package app.comptoir.purchasing.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.identity.Tenants;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;
import app.comptoir.platform.TextInput;
import app.comptoir.purchasing.persistence.SupplierRatingStore;
import app.comptoir.purchasing.persistence.SupplierRatingStore.RatedOrder;
import app.comptoir.purchasing.persistence.SupplierRatingStore.RatingRow;

/**
 * Ratings of suppliers after delivery: the buyer rates the supplier of a DELIVERED order from 1 to 5, with a
 * comment, once per order (the unique index on the order settles a double submit). A registered supplier's
 * ratings are public on the marketplace.
 */
@Service
@Transactional
public class SupplierRatings {

    /** The longest comment. */
    public static final int MAX_COMMENT = 1000;

    /** A rating as shown. */
    public record Rating(UUID id, UUID orderId, String orderNumber, int score, String comment, String buyerName,
                         java.time.Instant createdAt) {
    }

    /** A supplier's average (one decimal, null without ratings), count and latest ratings. */
    public record Summary(UUID supplierId, BigDecimal average, int count, List<Rating> latest) {
    }

    private final SupplierRatingStore store;
    private final TenantContext tenantContext;
    private final Permissions permissions;
    private final Tenants tenants;
    private final Clock clock;

    SupplierRatings(SupplierRatingStore store, TenantContext tenantContext, Permissions permissions, Tenants tenants,
                    Clock clock) {
        this.store = store;
        this.tenantContext = tenantContext;
        this.permissions = permissions;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Rates the supplier of a delivered order (once); the rating. */
    public Rating rate(UUID orderId, Integer score, String comment) {
        permissions.require(Permission.PURCHASES_WRITE);
        UUID tenant = tenantContext.requireTenant();
        if (score == null || score < 1 || score > 5) {
            throw InvalidInputException.field("score", "must be from 1 to 5");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > MAX_COMMENT) {
            throw InvalidInputException.field("comment", "must be at most " + MAX_COMMENT + " characters");
        }
        if (text != null && TextInput.hasControlCharacter(text.replace("\n", "").replace("\r", "").replace("\t", ""))) {
            throw InvalidInputException.field("comment", "must not contain control characters");
        }
        RatedOrder order = store.order(tenant, orderId).orElseThrow(() -> new NotFoundException("Purchase order", orderId));
        if (!"DELIVERED".equals(order.status())) {
            throw new ConflictException("purchase-order-not-delivered", "Only a delivered order can be rated.");
        }
        String buyer = tenants.current().name();
        if (!store.insert(Ids.newId(), tenant, order, score, text, buyer.length() > 120 ? buyer.substring(0, 120) : buyer,
                clock.instant())) {
            throw new ConflictException("purchase-order-rated", "This order's supplier has already been rated.");
        }
        return of(orderId);
    }

    /** The rating of an order, or null. */
    @Transactional(readOnly = true)
    public Rating of(UUID orderId) {
        permissions.require(Permission.READ);
        return store.ofOrder(tenantContext.requireTenant(), orderId).map(SupplierRatings::rating).orElse(null);
    }

    /** A supplier's average, count and latest 20 ratings. */
    @Transactional(readOnly = true)
    public Summary summary(UUID supplierId) {
        permissions.require(Permission.READ);
        UUID tenant = tenantContext.requireTenant();
        SupplierRatingStore.Average avg = store.average(tenant, supplierId);
        return new Summary(supplierId, avg.average() == null ? null : avg.average().setScale(1, RoundingMode.HALF_UP),
                avg.count(), store.ofSupplier(tenant, supplierId, 20).stream().map(SupplierRatings::rating).toList());
    }

    private static Rating rating(RatingRow r) {
        return new Rating(r.id(), r.orderId(), r.orderNumber(), r.score(), r.comment(), r.buyerName(), r.createdAt());
    }
}
