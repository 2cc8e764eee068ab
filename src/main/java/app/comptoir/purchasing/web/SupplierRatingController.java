package app.comptoir.purchasing.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.platform.NotFoundException;
import app.comptoir.purchasing.application.SupplierRatings;

/** Rating a supplier after delivery, and reading a supplier's ratings. */
@RestController
class SupplierRatingController {

    private final SupplierRatings ratings;

    SupplierRatingController(SupplierRatings ratings) {
        this.ratings = ratings;
    }

    /** A rating: a score from 1 to 5 and an optional comment (up to 1,000 characters). */
    record RatingBody(Integer score, String comment) {
    }

    @PostMapping("/api/v1/purchase-orders/{id}/rating")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rate the supplier of a delivered order (once per order)",
            description = "409 purchase-order-not-delivered before delivery, purchase-order-rated the second time.")
    SupplierRatings.Rating rate(@PathVariable UUID id, @RequestBody RatingBody body) {
        return ratings.rate(id, body == null ? null : body.score(), body == null ? null : body.comment());
    }

    @GetMapping("/api/v1/purchase-orders/{id}/rating")
    @Operation(summary = "The rating of an order (404 while it has none)")
    SupplierRatings.Rating rating(@PathVariable UUID id) {
        SupplierRatings.Rating rating = ratings.of(id);
        if (rating == null) {
            throw new NotFoundException("Rating of purchase order", id);
        }
        return rating;
    }

    @GetMapping("/api/v1/suppliers/{id}/ratings")
    @Operation(summary = "A supplier's average score, number of ratings and latest ratings")
    SupplierRatings.Summary ratings(@PathVariable UUID id) {
        return ratings.summary(id);
    }
}
