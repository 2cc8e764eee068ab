package app.comptoir.payments.provider;

import app.comptoir.payments.RefundStatus;

/** What the provider answered to a refund: its id there and where it stands. */
public record ProviderRefund(String providerRefundId, RefundStatus status) {
}
