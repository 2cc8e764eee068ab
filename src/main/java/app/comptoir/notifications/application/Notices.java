package app.comptoir.notifications.application;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.identity.UserView;
import app.comptoir.identity.Users;
import app.comptoir.inventory.StockAlertRaised;
import app.comptoir.purchasing.PurchaseOrderUnconfirmed;
import app.comptoir.notifications.domain.NotificationChoices;
import app.comptoir.notifications.domain.NotificationType;
import app.comptoir.platform.TenantContext;
import app.comptoir.sales.DeliveryFailed;
import app.comptoir.sales.DriverAssigned;
import app.comptoir.sales.OrderCancelled;
import app.comptoir.sales.OrderConfirmed;
import app.comptoir.sales.OrderCreated;
import app.comptoir.sales.OrderDelivered;

/**
 * The dispatcher: turns the business's events into notices for the users they concern and hands each notice to
 * every channel the user's preferences (and, for a stock alert, its rule) allow.
 *
 * <p>Each listener runs after the business's transaction committed, through the event publication registry
 * (a crash before it completes resubmits the event after the restart), in its own transaction under the
 * event's tenant. A notice's id is derived from the event and the recipient, and every channel ignores an id
 * it has already taken, so a replayed event tells nobody twice. A channel without an adapter yet is skipped.
 *
 * <p>The order events that both tell the users and feed the webhooks (created, confirmed, delivered, cancelled)
 * have one listener here that does both: one publication per event instead of two, which halves the registry's work
 * of a busy shop's orders (an insert in the order's transaction, then a transaction, an update and a delete each).
 * Both reactions run in one transaction and ignore what they already did (the notice's id, the delivery's key), so
 * a resubmitted event does each once.
 */
@Service
public class Notices {

    private static final Logger log = LoggerFactory.getLogger(Notices.class);

    private final Users users;
    private final Tenants tenants;
    private final Preferences preferences;
    private final CatalogQueries catalog;
    private final Map<Channel, NotificationChannel> channels = new EnumMap<>(Channel.class);
    private final MessageSource messages;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final WebhookEvents webhooks;

    Notices(Users users, Tenants tenants, Preferences preferences, CatalogQueries catalog,
            List<NotificationChannel> adapters, MessageSource messages, TenantContext tenantContext,
            PlatformTransactionManager txManager, Clock clock, WebhookEvents webhooks) {
        this.webhooks = webhooks;
        this.users = users;
        this.tenants = tenants;
        this.preferences = preferences;
        this.catalog = catalog;
        adapters.forEach(adapter -> channels.put(adapter.channel(), adapter));
        this.messages = messages;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** What an event tells: its type, the key identifying it, the order's driver if any, and the text's pieces. */
    record Occurrence(UUID tenantId, NotificationType type, String eventKey, UUID driverId, String link,
                      Set<Channel> allowed, Object... args) {
    }

    @ApplicationModuleListener(id = "notifications.order-created", propagation = Propagation.NOT_SUPPORTED)
    void on(OrderCreated event) {
        inOneTransaction(event.tenantId(), () -> {
            webhooks.orderCreated(event);
            dispatch(new Occurrence(event.tenantId(), NotificationType.ORDER_CREATED, event.orderId().toString(), null,
                    orderLink(event.orderId()), null, event.number(), new Customer(event.customerName()),
                    new Amount(event.gross(), event.currency())));
        });
    }

    @ApplicationModuleListener(id = "notifications.order-confirmed", propagation = Propagation.NOT_SUPPORTED)
    void on(OrderConfirmed event) {
        inOneTransaction(event.tenantId(), () -> {
            webhooks.orderConfirmed(event);
            dispatch(new Occurrence(event.tenantId(), NotificationType.ORDER_CONFIRMED, event.orderId().toString(),
                    null, orderLink(event.orderId()), null, event.number()));
        });
    }

    @ApplicationModuleListener(id = "notifications.order-delivered", propagation = Propagation.NOT_SUPPORTED)
    void on(OrderDelivered event) {
        inOneTransaction(event.tenantId(), () -> {
            webhooks.orderDelivered(event);
            dispatch(new Occurrence(event.tenantId(), NotificationType.ORDER_DELIVERED,
                    event.orderId() + "@" + event.at(), event.driverId(), orderLink(event.orderId()), null,
                    event.number()));
        });
    }

    @ApplicationModuleListener(id = "notifications.order-cancelled", propagation = Propagation.NOT_SUPPORTED)
    void on(OrderCancelled event) {
        inOneTransaction(event.tenantId(), () -> {
            webhooks.orderCancelled(event);
            dispatch(new Occurrence(event.tenantId(), NotificationType.ORDER_CANCELLED, event.orderId().toString(),
                    null, orderLink(event.orderId()), null, event.number(), event.note() == null ? "" : event.note()));
        });
    }

    @ApplicationModuleListener(id = "notifications.driver-assigned", propagation = Propagation.NOT_SUPPORTED)
    void on(DriverAssigned event) {
        // the same driver may be given the same order again later: each assignment is its own notice
        dispatch(new Occurrence(event.tenantId(), NotificationType.DRIVER_ASSIGNED,
                event.orderId() + "@" + event.at(), event.driverId(), orderLink(event.orderId()), null,
                event.number()));
    }

    @ApplicationModuleListener(id = "notifications.delivery-failed", propagation = Propagation.NOT_SUPPORTED)
    void on(DeliveryFailed event) {
        String reason = event.reason() == null ? "" : event.reason();
        if (event.note() != null && !event.note().isBlank()) {
            reason = reason.isEmpty() ? event.note() : reason + " – " + event.note();
        }
        dispatch(new Occurrence(event.tenantId(), NotificationType.DELIVERY_FAILED,
                event.orderId() + "@" + event.at(), event.driverId(), orderLink(event.orderId()), null,
                event.number(), reason));
    }

    /** A stock alert goes through the channels its rule names (intersected with each user's preferences). */
    @ApplicationModuleListener(id = "notifications.stock-alert", propagation = Propagation.NOT_SUPPORTED)
    void on(StockAlertRaised event) {
        NotificationType type = "OUT_OF_STOCK".equals(event.type()) ? NotificationType.STOCK_OUT
                : NotificationType.STOCK_ALERT;
        Set<Channel> allowed = ruleChannels(event.channels());
        if (allowed != null && allowed.isEmpty()) {
            return;
        }
        // a late delivery names a purchase order, linked by URL (no dependency on purchasing)
        String link = event.referenceId() != null ? "/app/purchasing/orders/" + event.referenceId()
                : event.variantId() == null ? "/app/inventory/stock/alerts"
                : "/app/inventory/stock/variants/" + event.variantId();
        Object subject = event.referenceId() != null ? event.reference() : new VariantName(event.variantId());
        dispatch(new Occurrence(event.tenantId(), type, event.alertId().toString(), null, link, allowed,
                new AlertType(event.type()), subject, new AlertFigure(event.referenceId() != null, event.available())));
    }

    /** A purchase order still unconfirmed by its supplier: a notice to the managers (in-app by default). */
    @ApplicationModuleListener(id = "notifications.purchase-unconfirmed", propagation = Propagation.NOT_SUPPORTED)
    void on(PurchaseOrderUnconfirmed event) {
        dispatch(new Occurrence(event.tenantId(), NotificationType.PURCHASE_UNCONFIRMED, event.orderId().toString(),
                null, "/app/purchasing/orders/" + event.orderId(), null, event.number(), event.supplierName(),
                event.days()));
    }

    /**
     * The webhook delivery and the notices of one order event in one transaction under its tenant (each would
     * otherwise open its own: a transaction is three round trips and a commit, for every order of a busy shop).
     */
    private void inOneTransaction(UUID tenantId, Runnable both) {
        tenantContext.runAs(tenantId, () -> tx.executeWithoutResult(status -> both.run()));
    }

    private static String orderLink(UUID orderId) {
        return "/app/sales/orders/" + orderId;
    }

    /** The rule's channels this module delivers (null: the event predates them, every channel). */
    private static Set<Channel> ruleChannels(List<String> names) {
        if (names == null) {
            return null;
        }
        Set<Channel> allowed = EnumSet.noneOf(Channel.class);
        for (Channel channel : Channel.values()) {
            if (names.contains(channel.name())) {
                allowed.add(channel);
            }
        }
        return allowed;
    }

    // Arguments written in the business's language once it is known.
    private record Amount(BigDecimal value, String currency) {
    }

    private record Customer(String name) {
    }

    private record AlertType(String name) {
    }

    private record VariantName(UUID variantId) {
    }

    /** What an alert counts: units available, or days late for a late delivery. */
    private record AlertFigure(boolean daysLate, int value) {
    }

    /** Tells every user the occurrence concerns, through the channels their preferences allow; returns how many notices. */
    int dispatch(Occurrence occurrence) {
        Integer told = tenantContext.callAs(occurrence.tenantId(), () -> tx.execute(status -> {
            TenantProfile business = tenants.current();
            Locale locale = Locale.forLanguageTag(business.locale() == null ? "fr" : business.locale());
            List<UserView> recipients = users.enabled().stream()
                    .filter(u -> occurrence.type().concerns(u.roles(), u.id().equals(occurrence.driverId())))
                    .toList();
            if (recipients.isEmpty()) {
                return 0;
            }
            Map<UUID, NotificationChoices> choices = preferences.of(occurrence.tenantId(), recipients);
            String title = null;
            String body = null;
            int count = 0;
            Instant at = clock.instant();
            for (UserView user : recipients) {
                Set<Channel> on = choices.get(user.id()).channels(occurrence.type());
                if (occurrence.allowed() != null) {
                    on.retainAll(occurrence.allowed());
                }
                on.retainAll(channels.keySet());
                if (on.isEmpty()) {
                    continue;
                }
                if (title == null) {
                    Object[] args = texts(occurrence.args(), locale);
                    String key = "notice." + occurrence.type().key();
                    title = messages.getMessage(key + ".title", args, locale);
                    body = messages.getMessage(key + ".body", args, "", locale);
                }
                Notice notice = new Notice(noticeId(occurrence, user.id()), occurrence.tenantId(), user.id(),
                        user.email(), locale, occurrence.type().key(), title, body, occurrence.link(), at);
                for (Channel channel : on) {
                    channels.get(channel).deliver(notice);
                }
                count++;
            }
            return count;
        }));
        log.debug("{} {}: {} users told", occurrence.type().key(), occurrence.eventKey(), told);
        return told == null ? 0 : told;
    }

    /** The same event and recipient always give the same id, so a replay is recognised by every channel. */
    static UUID noticeId(Occurrence occurrence, UUID userId) {
        return UUID.nameUUIDFromBytes(("notification:" + occurrence.type().key() + ":" + occurrence.eventKey() + ":"
                + userId).getBytes(StandardCharsets.UTF_8));
    }

    private Object[] texts(Object[] args, Locale locale) {
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = switch (args[i]) {
                case Amount amount -> money(amount, locale);
                case Customer customer -> customer.name() == null || customer.name().isBlank()
                        ? messages.getMessage("notice.walk-in", null, locale) : customer.name();
                case AlertType alert -> messages.getMessage("notice.alert." + alert.name(), null, alert.name(), locale);
                case VariantName variant -> variant.variantId() == null
                        ? messages.getMessage("notice.alert.digest", null, locale)
                        : catalog.variant(variant.variantId()).map(VariantSummary::label).orElse("");
                case AlertFigure figure -> messages.getMessage(figure.daysLate() ? "notice.alert.daysLate"
                        : "notice.alert.available", new Object[] {figure.value()}, locale);
                case null -> "";
                default -> Objects.toString(args[i]);
            };
        }
        return texts;
    }

    private static String money(Amount amount, Locale locale) {
        if (amount.value() == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            format.setCurrency(Currency.getInstance(amount.currency()));
        } catch (RuntimeException unknown) {
            return amount.value().toPlainString() + " " + amount.currency();
        }
        return format.format(amount.value());
    }
}
