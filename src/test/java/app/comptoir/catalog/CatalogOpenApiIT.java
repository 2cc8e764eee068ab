package app.comptoir.catalog;

import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

@IntegrationTest
class CatalogOpenApiIT {

    @LocalServerPort
    int port;

    @Test
    void theCatalogApiIsDocumented() {
        Api.given(port).accept("application/json").get("/api/docs/openapi.json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/products"))
                .body("paths", hasKey("/api/v1/products/{id}/variants/generate"))
                .body("paths", hasKey("/api/v1/products/import"))
                .body("paths", hasKey("/api/v1/products/export.csv"))
                .body("paths", hasKey("/api/v1/categories/reorder"))
                .body("paths", hasKey("/api/v1/variants/by-barcode/{code}"))
                .body("components.schemas", hasKey("ProductPage"));
    }
}
