package app.comptoir.sales.domain;

import java.util.UUID;

/** The customer of a quote or an order as recorded on it (the id is null only for old records without one). */
public record CustomerRef(UUID id, String name, String phone) {
}
