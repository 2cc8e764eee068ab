package app.comptoir.sales.application;

import app.comptoir.sales.domain.CustomerKind;

/**
 * A customer to create or change: {@code name} is required (at most 200 characters); {@code kind}
 * defaults to {@code PERSON}. {@code version}, when given on a change, must be the current one (else 409
 * {@code concurrent-modification}).
 */
public record CustomerRequest(CustomerKind kind, String name, String email, String phone, String notes, Long version) {
}
