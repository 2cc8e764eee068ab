package app.comptoir.catalog;

import static app.comptoir.catalog.CatalogApi.simple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;

import javax.imageio.ImageIO;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

@IntegrationTest
class ImagesIT {

    /** A 1×1 lossless WebP (the picture browsers use to detect WebP support). */
    static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    @LocalServerPort
    int port;

    private RequestSpecification upload(CatalogApi shop) {
        return RestAssured.given().port(port).header("Authorization", "Bearer " + shop.token)
                .accept("application/json, application/problem+json");
    }

    @Test
    void jpegPngAndWebpPicturesAreKeptWithAThumbnail() throws IOException {
        CatalogApi shop = CatalogApi.newShop(port);
        String id = shop.create(simple("Pot", "POT", "10")).path("id");

        JsonPath jpeg = upload(shop).multiPart("file", "photo.jpg", picture("jpg", 1200, 800), "image/jpeg")
                .post("/api/v1/products/" + id + "/images").then().statusCode(201).extract().jsonPath();
        assertThat(jpeg.getInt("width")).isEqualTo(1200);
        // The declared type and name do not matter: the content does.
        upload(shop).multiPart("file", "photo.bin", picture("png", 300, 300), "application/octet-stream")
                .post("/api/v1/products/" + id + "/images").then().statusCode(201);
        upload(shop).multiPart("file", "tiny.webp", WEBP, "image/webp")
                .post("/api/v1/products/" + id + "/images").then().statusCode(201).body("width", equalTo(1));

        JsonPath product = shop.call().get("/api/v1/products/" + id).then().extract().jsonPath();
        assertThat(product.getList("images")).hasSize(3);
        assertThat(product.getString("images[0].url")).isEqualTo("/api/v1/products/" + id + "/images/" + jpeg.getString("id"));

        byte[] original = upload(shop).get(jpeg.getString("url")).then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(original)).getWidth()).isEqualTo(1200);
        byte[] thumb = upload(shop).get(jpeg.getString("thumbnailUrl")).then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(thumb));
        assertThat(thumbnail.getWidth()).isEqualTo(320);
        assertThat(thumbnail.getHeight()).isEqualTo(213);

        // A viewer may look but not add or remove.
        String viewer = Api.token(port, "viewer@jardin-des-lilas.demo", Api.DEMO_PASSWORD);
        RestAssured.given().port(port).header("Authorization", "Bearer " + viewer)
                .multiPart("file", "x.png", picture("png", 10, 10), "image/png")
                .post("/api/v1/products/" + id + "/images").then().statusCode(403);

        upload(shop).delete(jpeg.getString("url")).then().statusCode(204);
        upload(shop).get(jpeg.getString("url")).then().statusCode(404);
        shop.call().get("/api/v1/products/" + id).then().body("images", hasSize(2));
        // Another tenant cannot see them.
        CatalogApi other = CatalogApi.newShop(port);
        upload(other).get(product.getString("images[1].url")).then().statusCode(404);
    }

    @Test
    void anythingButJpegPngAndWebpIsRefusedWithAClearMessage() throws IOException {
        CatalogApi shop = CatalogApi.newShop(port);
        String id = shop.create(simple("Pot", "POT", "10")).path("id");
        upload(shop).multiPart("file", "anim.gif", picture("gif", 10, 10), "image/gif")
                .post("/api/v1/products/" + id + "/images").then().statusCode(400)
                .body("type", endsWith("/validation"))
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", containsString("JPEG, PNG or WebP"));
        upload(shop).multiPart("file", "fake.png", "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(), "image/png")
                .post("/api/v1/products/" + id + "/images").then().statusCode(400)
                .body("errors[0].message", containsString("not a JPEG, PNG or WebP image"));
        byte[] png = picture("png", 200, 200);
        upload(shop).multiPart("file", "broken.png", Arrays.copyOf(png, 60), "image/png")
                .post("/api/v1/products/" + id + "/images").then().statusCode(400)
                .body("errors[0].message", containsString("could not be read"));
        upload(shop).contentType("multipart/form-data").multiPart("other", "x")
                .post("/api/v1/products/" + id + "/images").then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
        shop.call().get("/api/v1/products/" + id).then().body("images", hasSize(0));
    }

    @Test
    void duplicatingAProductCopiesItsPictures() throws IOException {
        CatalogApi shop = CatalogApi.newShop(port);
        String id = shop.create(simple("Pot", "POT", "10")).path("id");
        upload(shop).multiPart("file", "a.png", picture("png", 50, 40), "image/png")
                .post("/api/v1/products/" + id + "/images").then().statusCode(201);
        JsonPath copy = shop.call().post("/api/v1/products/" + id + "/duplicate").then().statusCode(201).extract().jsonPath();
        assertThat(copy.getList("images")).hasSize(1);
        // A picture without transparency gets a JPEG thumbnail.
        byte[] bytes = upload(shop).get(copy.getString("images[0].thumbnailUrl")).then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(bytes)).getWidth()).isEqualTo(50);
    }

    static byte[] picture(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(60, 140, 60));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
