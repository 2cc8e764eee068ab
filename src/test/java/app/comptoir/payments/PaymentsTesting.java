package app.comptoir.payments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.restassured.path.json.JsonPath;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

import app.comptoir.platform.TenantContext;
import app.comptoir.support.Account;
import app.comptoir.support.Api;

/**
 * What the payments integration tests share: a business (in a currency) with its Stripe account at the fake,
 * subjects made due through the published {@link Payments} facade (as sales and bookings do), and a recorder of the
 * module's events.
 */
final class PaymentsTesting {

    private PaymentsTesting() {
    }

    /** A fresh business in the currency (its admin), with the given zone. */
    static Account business(int port, String name, String currency, String zone) {
        Account admin = Api.newBusiness(port, name);
        JsonPath tenant = Api.as(port, admin).get("/api/v1/tenant").then().statusCode(200).extract().jsonPath();
        Api.as(port, admin).body(Map.of("name", tenant.getString("name"), "slug", tenant.getString("slug"),
                        "currency", currency, "locale", "fr", "timezone", zone,
                        "enabledModules", tenant.getList("enabledModules")))
                .put("/api/v1/tenant").then().statusCode(200);
        return admin;
    }

    /** Gives the business the fake account's keys through the API, and the fake the business's webhook address. */
    static FakeStripe.Account connectStripe(int port, Account admin, boolean test) {
        FakeStripe.Account stripe = FakeStripe.shared().account(test);
        Api.as(port, admin).body(Map.of("secretKey", stripe.secretKey, "webhookSecret", stripe.webhookSecret))
                .put("/api/v1/payments/settings/stripe").then().statusCode(200);
        stripe.sendWebhooksTo("http://localhost:" + port + "/api/v1/payments/stripe/webhook/" + admin.tenantSlug());
        return stripe;
    }

    /** Makes an order of the business due (as sales does when it confirms one); answers its id. */
    static UUID dueOrder(Payments payments, TenantContext tenants, Account admin, String amount, String currency) {
        UUID order = UUID.randomUUID();
        tenants.runAs(admin.tenantId(), () -> payments.expect(PaymentSubject.order(order), new BigDecimal(amount),
                currency));
        return order;
    }

    /** An online payment link for the order, through the API; answers the JSON (paymentId, redirectUrl, expiresAt). */
    static JsonPath checkout(int port, Account admin, UUID order, String amount, String key) {
        var request = Api.as(port, admin);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.body(Map.of("amount", amount, "description", "Commande test",
                        "customerEmail", "client@example.test", "successUrl", "https://shop.example.test/merci",
                        "cancelUrl", "https://shop.example.test/panier"))
                .post("/api/v1/payments/orders/" + order + "/checkout").then().statusCode(201).extract().jsonPath();
    }

    /** The session id of a checkout's page address ({@code …/pay/cs_test_…}). */
    static String sessionOf(String redirectUrl) {
        return redirectUrl.substring(redirectUrl.lastIndexOf('/') + 1);
    }

    /** Records the payments module's events published while it listens. */
    static final class Recorder implements ApplicationListener<ApplicationEvent> {
        final List<Object> events = new CopyOnWriteArrayList<>();

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof PayloadApplicationEvent<?> payload
                    && payload.getPayload().getClass().getPackageName().equals("app.comptoir.payments")) {
                events.add(payload.getPayload());
            }
        }

        <T> List<T> of(Class<T> type, UUID paymentId) {
            return events.stream().filter(type::isInstance).map(type::cast).filter(e -> paymentId.equals(switch (e) {
                case PaymentSucceeded s -> s.paymentId();
                case PaymentFailed f -> f.paymentId();
                case PaymentRefunded r -> r.paymentId();
                default -> null;
            })).toList();
        }
    }
}
