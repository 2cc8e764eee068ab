package app.comptoir.sales.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.comptoir.sales.domain.CustomerKind;

/** A customer with their addresses (default delivery address first). */
public record CustomerView(UUID id, CustomerKind kind, String name, String email, String phone, String notes,
                           boolean walkIn, List<AddressView> addresses, Instant createdAt, Instant updatedAt,
                           long version) {
}
