package app.comptoir.sales;

import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

@IntegrationTest
class SalesOpenApiIT {

    @LocalServerPort
    int port;

    @Test
    void theSalesApiIsDocumented() {
        Api.given(port).accept("application/json").get("/api/docs/openapi.json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/customers"))
                .body("paths", hasKey("/api/v1/customers/{id}/addresses/{aid}/default"))
                .body("paths", hasKey("/api/v1/quotes/{id}/convert"))
                .body("paths", hasKey("/api/v1/orders"))
                .body("paths", hasKey("/api/v1/orders/{id}/confirm"))
                .body("paths", hasKey("/api/v1/orders/{id}/status"))
                .body("paths", hasKey("/api/v1/orders/{id}/returns"))
                .body("paths", hasKey("/api/v1/orders/{id}/assign-driver"))
                .body("paths", hasKey("/api/v1/orders/statuses"))
                .body("paths", hasKey("/api/v1/orders/export.csv"))
                .body("paths", hasKey("/api/v1/orders/{id}/delivery-failure"))
                .body("paths", hasKey("/api/v1/orders/{id}/undo-delivery"))
                .body("paths.'/api/v1/orders/{id}/items/{itemId}'", hasKey("patch"))
                .body("paths", hasKey("/api/v1/customers/{id}/totals"))
                .body("components.schemas", hasKey("OrderView"));
    }
}
