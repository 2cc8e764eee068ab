package app.comptoir.storefront.application;

import java.util.UUID;

/** The shopper a session belongs to: their account, their business's sales customer, their name and language. */
public record SignedInShopper(UUID shopperId, UUID tenantId, UUID customerId, String email, String name, String locale,
                              boolean emailVerified) {
}
