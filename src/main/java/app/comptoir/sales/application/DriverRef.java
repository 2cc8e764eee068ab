package app.comptoir.sales.application;

import java.util.UUID;

/** A user with the DRIVER role, as assigned to an order. */
public record DriverRef(UUID id, String name) {
}
