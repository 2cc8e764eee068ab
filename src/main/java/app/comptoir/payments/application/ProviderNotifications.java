package app.comptoir.payments.application;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.payments.provider.PaymentProvider;
import app.comptoir.payments.provider.ProviderAccount;
import app.comptoir.payments.provider.ProviderEvent;
import app.comptoir.payments.persistence.WebhookEventStore;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.TenantContext;

/**
 * What a provider tells a business through its webhook ({@code POST /api/v1/payments/{provider}/webhook/{business}}):
 * verified with the business's signing secret on the raw body (the provider's check: signature and age), kept once
 * per event id, then applied. A replayed or duplicated event answers as received and changes nothing; an event that
 * fails to apply is not kept, so the provider's next delivery applies it.
 */
@Service
public class ProviderNotifications {

    private static final Logger log = LoggerFactory.getLogger(ProviderNotifications.class);

    /** What was done with a delivery: the event, whether it had been received before, what applying it did. */
    public record Receipt(String eventId, String type, boolean duplicate, String outcome) {
    }

    private final Providers providers;
    private final Tenants tenants;
    private final TenantContext tenantContext;
    private final ProviderAccounts accounts;
    private final WebhookEventStore received;
    private final OnlinePayments online;
    private final Refunds refunds;
    private final Clock clock;
    private final TransactionTemplate tx;

    ProviderNotifications(Providers providers, Tenants tenants, TenantContext tenantContext, ProviderAccounts accounts,
                          WebhookEventStore received, OnlinePayments online, Refunds refunds, Clock clock,
                          PlatformTransactionManager transactions) {
        this.providers = providers;
        this.tenants = tenants;
        this.tenantContext = tenantContext;
        this.accounts = accounts;
        this.received = received;
        this.online = online;
        this.refunds = refunds;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Receives one delivery of a provider's webhook for a business (by its slug). */
    public Receipt receive(String providerId, String businessSlug, String payload, Map<String, String> headers) {
        PaymentProvider provider = providers.find(providerId)
                .orElseThrow(() -> new NotFoundException("Payment provider", providerId));
        TenantProfile business = tenants.bySlug(businessSlug)
                .orElseThrow(() -> new NotFoundException("Business", businessSlug));
        UUID tenant = business.id();
        return tenantContext.callAs(tenant, () -> {
            ProviderAccount account = accounts.open(provider.id()).orElseThrow(() -> new NotFoundException(
                    provider.displayName() + " account of business", businessSlug));
            ProviderEvent event = provider.readWebhook(account, payload, headers);
            Receipt receipt = tx.execute(s -> {
                if (!received.claim(tenant, provider.id(), event.id(), event.type(), event.objectId(), clock.instant())) {
                    return new Receipt(event.id(), event.type(), true, "duplicate");
                }
                String outcome = apply(provider.id(), event);
                received.outcome(tenant, provider.id(), event.id(), outcome);
                return new Receipt(event.id(), event.type(), false, outcome);
            });
            log.info("{} event {} ({}) for {}: {}", provider.displayName(), event.id(), event.type(), businessSlug,
                    receipt.outcome());
            return receipt;
        });
    }

    private String apply(String providerId, ProviderEvent event) {
        return switch (event) {
            case ProviderEvent.RefundsChanged changed -> {
                String outcome = "unchanged";
                for (ProviderEvent.RefundChange change : changed.refunds()) {
                    String one = refunds.apply(providerId, change);
                    if (one.equals("applied") || outcome.equals("unchanged")) {
                        outcome = one;
                    }
                }
                yield changed.refunds().isEmpty() ? "ignored" : outcome;
            }
            default -> online.apply(providerId, event);
        };
    }
}
