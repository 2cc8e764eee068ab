package app.comptoir.sales.application;

/** A customer known only by name and phone (a walk-in): becomes a customer flagged {@code walkIn}. */
public record WalkInCustomer(String name, String phone) {
}
