package app.comptoir.sales;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.WebSession;

/** A fresh shop for the sales screens: its administrator, products with stock, and a signed-in web session. */
final class SalesShop {

    private static final Pattern LOCATION_ID = Pattern.compile("/app/sales/(?:orders|quotes|customers)/([0-9a-f-]{36})");

    final int port;
    final Account admin;
    final WebSession web;

    private SalesShop(int port, Account admin) {
        this.port = port;
        this.admin = admin;
        this.web = new WebSession(port);
        web.signIn(admin.email(), admin.password());
    }

    static SalesShop open(int port) {
        return new SalesShop(port, Api.newBusiness(port, "Jardinerie des Pages"));
    }

    /** A one-variant product at 12.50 excluding VAT (20 %), with this much stock; returns the variant id. */
    String product(String name, String sku, int stock) {
        Map<String, Object> body = Map.of("name", name, "vatRate", 20,
                "variants", List.of(Map.of("sku", sku, "price", new BigDecimal("12.50"))));
        String variant = Api.as(port, admin).body(body).post("/api/v1/products").then().statusCode(201).extract()
                .path("variants[0].id");
        if (stock > 0) {
            Api.as(port, admin).body(Map.of("variantId", variant, "type", "RECEIPT", "quantity", stock))
                    .post("/api/v1/stocks/movements").then().statusCode(201);
        }
        return variant;
    }

    /** Creates a customer through the page; returns their id. */
    String customer(String name, String phone) {
        web.get("/app/sales/customers/new");
        return idIn(web.post("/app/sales/customers/new", Map.of("kind", "PERSON", "name", name, "phone", phone)));
    }

    /** Creates an order for a walk-in through the page; returns its id. */
    String walkInOrder(String name, String phone) {
        web.get("/app/sales/orders/new");
        return idIn(web.post("/app/sales/orders/new", Map.of("name", name, "phone", phone)));
    }

    /** Posts a form as the browser would, and shows the page it is sent to (with its message). */
    static String act(WebSession web, String path, Map<String, ?> form) {
        WebSession.Page answer = web.post(path, form);
        java.net.URI target = java.net.URI.create(answer.location().orElseThrow(() -> new AssertionError(
                "expected a redirect from " + path + ", got " + answer.status() + ": " + answer.body())));
        return web.get(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())).body();
    }

    /** The id in the address a page redirected to. */
    static String idIn(WebSession.Page redirect) {
        String location = redirect.location().orElseThrow(() -> new AssertionError(
                "expected a redirect, got " + redirect.status() + ": " + redirect.body()));
        Matcher m = LOCATION_ID.matcher(location);
        if (!m.find()) {
            throw new AssertionError("no id in " + location);
        }
        return m.group(1);
    }
}
