package app.comptoir.storefront;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.restassured.path.json.JsonPath;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.TenantContext;
import app.comptoir.storefront.application.ShopBusiness;
import app.comptoir.storefront.application.ShopBusinesses;
import app.comptoir.storefront.application.ShopperSessions;
import app.comptoir.support.Account;
import app.comptoir.support.Api;

/**
 * A business with its online shop switched on (XOF, prices including VAT), products with stock, and shoppers made as
 * fixtures (a sales customer through the staff API, a {@code shoppers} row, a session started through
 * {@link ShopperSessions}): the shoppers' own registration and login pages are another part of the storefront.
 */
final class ShopFixture {

    final int port;
    final Account admin;
    final String slug;
    final ShopBusiness shop;
    private final Beans beans;

    /** The application's beans the fixture writes through. */
    record Beans(ShopBusinesses shops, ShopperSessions sessions, JdbcTemplate jdbc, TransactionTemplate tx,
                 TenantContext tenants) {
    }

    /** A shopper: their account, their sales customer and e-mail. */
    record Shopper(UUID id, UUID customerId, String email) {
    }

    private ShopFixture(int port, Account admin, Beans beans) {
        this.port = port;
        this.admin = admin;
        this.beans = beans;
        this.slug = admin.tenantSlug();
        JsonPath tenant = Api.as(port, admin).get("/api/v1/tenant").then().statusCode(200).extract().jsonPath();
        List<String> modules = new java.util.ArrayList<>(tenant.getList("enabledModules"));
        modules.add("STOREFRONT");
        Api.as(port, admin).body(Map.of("name", tenant.getString("name"), "slug", slug, "currency", "XOF",
                        "locale", "fr", "timezone", "Africa/Dakar", "enabledModules", modules))
                .put("/api/v1/tenant").then().statusCode(200);
        this.shop = beans.shops().open(slug);
    }

    static ShopFixture open(int port, Beans beans, String name) {
        return new ShopFixture(port, Api.newBusiness(port, name, true), beans);
    }

    /** A one-variant product at this price (VAT included, 18 %), with this much stock; answers the variant id. */
    String product(String name, String sku, int price, int stock) {
        Map<String, Object> body = Map.of("name", name, "vatRate", 18, "status", "ACTIVE",
                "variants", List.of(Map.of("sku", sku, "price", new BigDecimal(price))));
        String variant = Api.as(port, admin).body(body).post("/api/v1/products").then().statusCode(201).extract()
                .path("variants[0].id");
        if (stock > 0) {
            receive(variant, stock);
        }
        return variant;
    }

    /** Puts stock of the variant in. */
    void receive(String variant, int quantity) {
        Api.as(port, admin).body(Map.of("variantId", variant, "type", "RECEIPT", "quantity", quantity))
                .post("/api/v1/stocks/movements").then().statusCode(201);
    }

    /** What is available of the variant now, by the stock API. */
    int available(String variant) {
        return Api.as(port, admin).get("/api/v1/stocks/" + variant).then().statusCode(200).extract().path("available");
    }

    /** A shopper with a verified e-mail (or not), their customer made through the staff API, with an address. */
    Shopper shopper(String name, boolean verified) {
        String email = Api.uniqueEmail("shopper");
        UUID customer = UUID.fromString(Api.as(port, admin).body(Map.of("name", name, "email", email, "phone",
                "+221770000000")).post("/api/v1/customers").then().statusCode(201).extract().path("id"));
        Api.as(port, admin).body(Map.of("label", "Maison", "line1", "12 rue Carnot", "postalCode", "10200",
                "city", "Dakar", "country", "SN")).post("/api/v1/customers/" + customer + "/addresses")
                .then().statusCode(201);
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        beans.tenants().runAs(shop.tenantId(), () -> beans.tx().executeWithoutResult(s -> beans.jdbc().update("""
                insert into shoppers (id, tenant_id, email, password_hash, name, customer_id, locale, email_verified_at,
                  created_at, updated_at) values (?, ?, ?, 'x', ?, ?, 'fr', ?, ?, ?)""",
                id, shop.tenantId(), email, name, customer, verified ? now : null, now, now)));
        return new Shopper(id, customer, email);
    }

    /** A session cookie value of the shopper for the shop's pages. */
    String cookie(Shopper shopper) {
        return beans.sessions().start(shop, shopper.id(), ShopperSessions.Kind.COOKIE);
    }

    /** A bearer token of the shopper for the store API. */
    String bearer(Shopper shopper) {
        return beans.sessions().start(shop, shopper.id(), ShopperSessions.Kind.BEARER);
    }

    /** A browser of the shop's pages: keeps the cookies the shop sets, follows no redirect. */
    Browser browser() {
        return new Browser();
    }

    /** A plain HTTP client that keeps cookies by name (the shop's cookies all have its path). */
    final class Browser {

        final Map<String, String> cookies = new LinkedHashMap<>();
        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        /** A page as the server answered it. */
        record Page(int status, String body, Optional<String> location, java.net.http.HttpHeaders headers) {
        }

        Browser signedIn(Shopper shopper) {
            cookies.put("comptoir_shopper", cookie(shopper));
            return this;
        }

        Page get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
        }

        Page post(String path, Map<String, ?> form) {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private Page send(HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                for (String set : response.headers().allValues("Set-Cookie")) {
                    String pair = set.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    String name = pair.substring(0, eq);
                    String value = pair.substring(eq + 1);
                    if (value.isEmpty() || set.contains("Max-Age=0")) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, value);
                    }
                }
                return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location"),
                        response.headers());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
