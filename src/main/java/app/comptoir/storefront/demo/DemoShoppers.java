package app.comptoir.storefront.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.TenantCreated;
import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.Ids;
import app.comptoir.platform.TenantContext;
import app.comptoir.sales.OnlineCustomer;
import app.comptoir.sales.OnlineCustomers;
import app.comptoir.storefront.persistence.ShopperStore;

/**
 * The demo shoppers: the garden shop's and the inspection centre's motorist. The garden shop's shopper, {@value #EMAIL} with the demo password of the README, verified, signed in to a
 * real customer of the shop: one of the sales demo's customers with addresses and a year of orders (the first of
 * {@link #CANDIDATES} that has both), whose e-mail becomes the shopper's. Runs in the same after-commit phase as the
 * other modules' demo data and after sales' (same default order, so registration order: storefront comes after
 * sales); does nothing when the shopper exists already or when the sales demo made no such customer.
 */
@Component
class DemoShoppers {

    static final String GARDEN = "jardin-des-lilas";
    static final String EMAIL = "client@jardin-des-lilas.demo";
    /** The sales demo's people, in the order they are made (see sales' DemoSales). */
    static final List<String> CANDIDATES = List.of("claire.rousseau@exemple.fr", "thomas.girard@exemple.fr",
            "nathalie.faure@exemple.fr", "marc.chevalier@exemple.fr", "sophie.lambert@exemple.fr");

    /** The inspection centre, whose motorist signs in to find their inspections (the account is the storefront's). */
    static final String CENTRE = "ct-du-centre";
    /** The inspections demo files the motorist's vehicles under this address (see inspections' DemoInspections). */
    static final String MOTORIST_EMAIL = "client@ct-du-centre.demo";
    static final String MOTORIST_NAME = "Julien Moreau";

    private static final Logger log = LoggerFactory.getLogger(DemoShoppers.class);

    private final ShopperStore shoppers;
    private final OnlineCustomers customers;
    private final PasswordEncoder passwords;
    private final ComptoirProperties properties;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoShoppers(ShopperStore shoppers, OnlineCustomers customers, PasswordEncoder passwords,
                 ComptoirProperties properties, TenantContext tenantContext,
                 PlatformTransactionManager transactionManager, Clock clock) {
        this.shoppers = shoppers;
        this.customers = customers;
        this.passwords = passwords;
        this.properties = properties;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(transactionManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void seed(TenantCreated event) {
        if (event.demo() && CENTRE.equals(event.slug())) {
            seedMotorist(event);
        }
        if (!event.demo() || !GARDEN.equals(event.slug())) {
            return;
        }
        String hash = passwords.encode(properties.demo().password());
        String made = tenantContext.callAs(event.tenantId(), () -> tx.execute(status -> {
            if (shoppers.byEmail(EMAIL).isPresent()) {
                return null;
            }
            Optional<OnlineCustomer> customer = CANDIDATES.stream()
                    .flatMap(email -> customers.customerWithEmail(email).stream())
                    .map(customers::get)
                    .filter(c -> !c.addresses().isEmpty() && customers.orders(c.id(), 0, 1).total() >= 3)
                    .findFirst();
            if (customer.isEmpty()) {
                return null;
            }
            OnlineCustomer c = customer.get();
            customers.update(c.id(), c.name(), EMAIL, c.phone());
            UUID id = Ids.newId();
            Instant now = clock.instant();
            shoppers.insert(id, event.tenantId(), EMAIL, hash, c.name(), c.phone(), c.id(), "fr", now);
            shoppers.verify(id, now);
            return c.name();
        }));
        if (made != null) {
            log.info("Demo shopper of {}: {} ({})", event.slug(), EMAIL, made);
        }
    }

    /**
     * The centre's motorist, {@value #MOTORIST_EMAIL}, verified, with a customer of their own: the inspections demo
     * files two vehicles under that address, so the account shows their inspections at once.
     */
    private void seedMotorist(TenantCreated event) {
        String hash = passwords.encode(properties.demo().password());
        boolean made = tenantContext.callAs(event.tenantId(), () -> tx.execute(status -> {
            if (shoppers.byEmail(MOTORIST_EMAIL).isPresent()) {
                return false;
            }
            UUID customer = customers.create(MOTORIST_NAME, MOTORIST_EMAIL, null);
            UUID id = Ids.newId();
            Instant now = clock.instant();
            shoppers.insert(id, event.tenantId(), MOTORIST_EMAIL, hash, MOTORIST_NAME, null, customer, "fr", now);
            shoppers.verify(id, now);
            return true;
        }));
        if (made) {
            log.info("Demo motorist of {}: {}", event.slug(), MOTORIST_EMAIL);
        }
    }
}
