package app.comptoir.catalog;

import static app.comptoir.catalog.CatalogApi.simple;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.catalog.application.OrphanPictures;
import app.comptoir.platform.ComptoirProperties;
import app.comptoir.support.IntegrationTest;

@IntegrationTest
class OrphanPicturesIT {

    @LocalServerPort
    int port;

    @Autowired
    OrphanPictures orphans;

    @Autowired
    ComptoirProperties properties;

    @Test
    void filesLeftBehindByACrashBetweenWriteAndCommitAreSweptOnceOlderThanTheGracePeriod() throws Exception {
        CatalogApi shop = CatalogApi.newShop(port);
        String productId = shop.create(simple("Pot", "POT", "10")).path("id");
        String url = RestAssured.given().port(port).header("Authorization", "Bearer " + shop.token)
                .multiPart("file", "tiny.webp", ImagesIT.WEBP, "image/webp")
                .post("/api/v1/products/" + productId + "/images").then().statusCode(201).extract().path("url");
        Path productDir = productDirectory(productId);
        List<Path> kept;
        try (Stream<Path> files = Files.list(productDir)) {
            kept = files.toList();
        }
        for (Path file : kept) { // the real picture is old too: age alone never condemns a file
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(3, ChronoUnit.HOURS)));
        }
        // what a crash between the files' write and the row's commit leaves
        Path crashed = write(productDir.resolve(UUID.randomUUID() + ".webp"), Instant.now().minus(2, ChronoUnit.HOURS));
        Path crashedThumb = write(productDir.resolve(crashed.getFileName().toString().replace(".webp", "-thumb.png")),
                Instant.now().minus(2, ChronoUnit.HOURS));
        // an upload in progress: written, not committed yet
        Path inProgress = write(productDir.resolve(UUID.randomUUID() + ".webp"), Instant.now());

        assertThat(orphans.sweep()).isGreaterThanOrEqualTo(2);

        assertThat(crashed).doesNotExist();
        assertThat(crashedThumb).doesNotExist();
        assertThat(inProgress).exists();
        assertThat(kept).allSatisfy(file -> assertThat(file).exists());
        RestAssured.given().port(port).header("Authorization", "Bearer " + shop.token).get(url).then().statusCode(200);
    }

    private Path productDirectory(String productId) throws Exception {
        try (Stream<Path> tenants = Files.list(properties.dataDir().resolve("images"))) {
            return tenants.map(t -> t.resolve(productId)).filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private static Path write(Path file, Instant modified) throws Exception {
        Files.write(file, ImagesIT.WEBP);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
