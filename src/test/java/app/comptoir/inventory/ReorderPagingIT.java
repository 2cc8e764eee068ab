package app.comptoir.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/** Issue #13: the reorder page shows fifty suggestions a page, most urgent first, with previous and next links. */
@IntegrationTest
class ReorderPagingIT {

    @LocalServerPort
    int port;

    @Test
    void theGardenShopsReorderSuggestionsArePagedByFifty() {
        String token = Api.token(port, "manager@jardin-des-lilas.demo", Api.DEMO_PASSWORD);
        List<String> skus = Api.as(port, token).get("/api/v1/stocks/reorder-suggestions").then().statusCode(200)
                .extract().jsonPath().getList("sku", String.class);
        assertThat(skus).as("the demo has more than a page of suggestions").hasSizeGreaterThan(50);
        WebSession web = new WebSession(port);
        web.signIn("manager@jardin-des-lilas.demo", Api.DEMO_PASSWORD);

        String first = web.get("/app/inventory/stock/reorder").body();
        assertThat(rows(first)).isEqualTo(50);
        assertThat(first).contains("data-sku=\"" + skus.getFirst() + "\"", "1–50 sur " + skus.size(),
                "href=\"/app/inventory/stock/reorder?page=1\" rel=\"next\"").doesNotContain("rel=\"prev\"");

        int lastPage = (skus.size() - 1) / 50;
        String last = web.get("/app/inventory/stock/reorder?page=" + lastPage).body();
        assertThat(rows(last)).isEqualTo(skus.size() - lastPage * 50);
        assertThat(last).contains("data-sku=\"" + skus.getLast() + "\"", "rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(web.get("/app/inventory/stock/reorder?page=9999").body()).contains("data-sku=\"" + skus.getLast() + "\"");
    }

    private static long rows(String html) {
        return Pattern.compile("<tr data-sku=").matcher(html).results().count();
    }
}
