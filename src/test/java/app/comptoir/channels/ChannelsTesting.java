package app.comptoir.channels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.comptoir.support.Account;
import app.comptoir.support.Api;

/** What the channels' tests do through the API: pair the extension, send a session, draft and publish listings. */
public final class ChannelsTesting {

    private ChannelsTesting() {
    }

    /** Pairs a device with the business (as its administrator) and returns the device token. */
    public static String pairDevice(int port, Account admin) {
        String code = Api.as(port, admin).post("/api/v1/channels/pairings").then().statusCode(201)
                .extract().path("code");
        return Api.given(port).body(Map.of("code", code, "device", "Chromium test"))
                .post("/api/v1/channels/pairings/claim").then().statusCode(200).extract().path("token");
    }

    /** Sends the Vinted session of the user, as the extension does; returns the account id. */
    public static UUID connect(int port, String deviceToken, FakeVinted.Login login) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("host", "www.vinted.fr");
        body.put("cookies", login.cookies());
        body.put("csrfToken", login.csrfToken());
        body.put("anonId", login.anonId());
        body.put("userId", login.userId());
        body.put("username", login.username());
        String id = Api.as(port, deviceToken).body(body).put("/api/v1/channels/vinted/session").then().statusCode(200)
                .extract().path("accountId");
        return UUID.fromString(id);
    }

    /** Switches the CHANNELS module on in the business's settings (a new business starts with it on). */
    public static void enableChannels(int port, Account admin) {
        var tenant = Api.as(port, admin).get("/api/v1/tenant").then().statusCode(200).extract().jsonPath();
        List<String> modules = new java.util.ArrayList<>(tenant.getList("enabledModules", String.class));
        if (modules.contains("CHANNELS")) {
            return;
        }
        modules.add("CHANNELS");
        Api.as(port, admin).body(Map.of("name", tenant.getString("name"), "slug", tenant.getString("slug"),
                        "currency", tenant.getString("currency"), "locale", tenant.getString("locale"),
                        "timezone", tenant.getString("timezone"), "enabledModules", modules))
                .put("/api/v1/tenant").then().statusCode(200);
    }

    /** A business with a Vinted account connected through the extension. */
    public static UUID connectedAccount(int port, Account admin, FakeVinted.Login login) {
        return connect(port, pairDevice(port, admin), login);
    }

    /** Drafts a listing with every Vinted field; returns its id. */
    public static UUID draft(int port, Account admin, UUID account, String title, String price) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountId", account);
        body.put("variantId", UUID.randomUUID());
        body.put("title", title);
        body.put("description", "Porté deux fois, très bon état.");
        body.put("price", price);
        body.put("catalogId", 1904);
        body.put("statusId", 2);
        body.put("brand", "Petit Bateau");
        body.put("sizeId", 207);
        body.put("colorIds", List.of(12, 1));
        return UUID.fromString(Api.as(port, admin).body(body).post("/api/v1/channels/listings").then().statusCode(201)
                .extract().path("id"));
    }

    /** Queues the listing's publication; returns the job's id. */
    public static UUID publish(int port, Account admin, UUID listing) {
        return UUID.fromString(Api.as(port, admin).post("/api/v1/channels/listings/" + listing + "/publish").then()
                .statusCode(202).extract().path("id"));
    }

    /** A product with one variant in stock and {@code pictures} pictures of its own; returns the variant's id. */
    public static String productWithPictures(int port, Account admin, String name, String sku, int pictures) {
        return productAndVariant(port, admin, name, sku, pictures)[1];
    }

    /** As {@link #productWithPictures}; returns the product's id and the variant's. */
    public static String[] productAndVariant(int port, Account admin, String name, String sku, int pictures) {
        String product = Api.as(port, admin).body(Map.of("name", name, "vatRate", 20, "status", "ACTIVE",
                        "variants", List.of(Map.of("sku", sku, "price", new java.math.BigDecimal("25")))))
                .post("/api/v1/products").then().statusCode(201).extract().path("id");
        for (int i = 0; i < pictures; i++) {
            addPicture(port, admin, product, i);
        }
        String variant = Api.as(port, admin).get("/api/v1/products/" + product).then().statusCode(200)
                .extract().path("variants[0].id");
        Api.as(port, admin).body(Map.of("variantId", variant, "type", "RECEIPT", "quantity", 1))
                .post("/api/v1/stocks/movements").then().statusCode(201);
        return new String[] {product, variant};
    }

    /** Adds the {@code n}-th drawn picture to the product. */
    public static void addPicture(int port, Account admin, String product, int n) {
        io.restassured.RestAssured.given().port(port).header("Authorization", "Bearer " + admin.accessToken())
                .accept("application/json, application/problem+json")
                .multiPart("file", "photo" + n + ".png", picture(n), "image/png")
                .post("/api/v1/products/" + product + "/images").then().statusCode(201);
    }

    /** A small drawn picture, different for each {@code n}. */
    private static byte[] picture(int n) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 30,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(40 * n % 255, 120, 60));
        g.fillRect(0, 0, 40, 30);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Drafts a listing of a catalog variant with Vinted's ids typed; returns its id. */
    public static UUID draftOf(int port, Account admin, UUID account, String variant, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountId", account);
        body.put("variantId", variant);
        body.put("title", title);
        body.put("price", "25");
        body.put("catalogId", 1907);
        body.put("statusId", 2);
        return UUID.fromString(Api.as(port, admin).body(body).post("/api/v1/channels/listings").then().statusCode(201)
                .extract().path("id"));
    }
}
