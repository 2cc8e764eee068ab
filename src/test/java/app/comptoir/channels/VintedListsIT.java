package app.comptoir.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * Vinted's own lists (categories, brands, sizes, conditions, colours) read through an account from the local fake
 * Vinted, kept per account, searched, refreshed, and picked into a mapping row on the mappings page; reading them
 * never takes a write slot of the rate cap.
 */
@IntegrationTest
class VintedListsIT {

    @LocalServerPort
    int port;

    private final FakeVinted vinted = FakeVinted.shared();

    private String lists(UUID account) {
        return "/api/v1/channels/accounts/" + account + "/vinted-lists/";
    }

    private long listCalls(FakeVinted.Login login) {
        return vinted.calls(login).stream().filter(c -> c.method().equals("GET") && c.path().matches(
                "/api/v2/(catalogs|brands|size_groups|statuses|colors).*")).count();
    }

    @Test
    void vintedsListsAreReadOnceThroughTheAccountSearchedAndRefreshedWithoutTouchingTheWriteCap() {
        Account admin = Api.newBusiness(port, "Friperie des listes");
        FakeVinted.Login login = vinted.login("lists.one");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);

        // The category tree, flattened: each category with the path of its parents.
        JsonPath categories = Api.as(port, admin).get(lists(account) + "category").then().statusCode(200)
                .body("kind", equalTo("CATEGORY")).body("fetchedAt", notNullValue())
                .body("entries.total", equalTo(8)).extract().jsonPath();
        assertThat(categories.getString("entries.items.find { it.id == 1907 }.label")).isEqualTo("Vestes en jean");
        assertThat(categories.getString("entries.items.find { it.id == 1907 }.group"))
                .isEqualTo("Femmes › Vêtements › Manteaux et vestes");
        // Searched here by name, group or id, case and accents ignored: Vinted is not asked again.
        long calls = listCalls(login);
        Api.as(port, admin).queryParam("q", "VETEMENTS").get(lists(account) + "category").then().statusCode(200)
                .body("entries.items.id", hasItem(1907)).body("entries.items.id", not(hasItem(1904)));
        Api.as(port, admin).queryParam("q", "257").get(lists(account) + "category").then()
                .body("entries.items.label", equalTo(List.of("Jeans")));
        assertThat(listCalls(login)).isEqualTo(calls);

        Api.as(port, admin).queryParam("q", "m").get(lists(account) + "size").then().statusCode(200)
                .body("entries.items.find { it.id == 4 }.group", equalTo("Femmes · Hauts et robes"));
        Api.as(port, admin).get(lists(account) + "condition").then().statusCode(200)
                .body("entries.items.find { it.id == 2 }.label", equalTo("Très bon état"));
        Api.as(port, admin).get(lists(account) + "colour").then().statusCode(200)
                .body("entries.items.find { it.id == 27 }.label", equalTo("Bleu marine"));
        // Brands are searched on Vinted by name.
        Api.as(port, admin).queryParam("keyword", "Levi").get(lists(account) + "brand").then().statusCode(200)
                .body("entries.items.label", equalTo(List.of("Levi's", "Levi's Vintage Clothing")))
                .body("keyword", equalTo("levi"));
        FakeVinted.Call brands = vinted.calls(login).stream().filter(c -> c.path().startsWith("/api/v2/brands"))
                .findFirst().orElseThrow();
        assertThat(brands.path()).isEqualTo("/api/v2/brands?keyword=levi");
        assertThat(brands.headers()).containsKeys("x-csrf-token", "x-anon-id");

        // A refresh asks Vinted again.
        long before = listCalls(login);
        Api.as(port, admin).post(lists(account) + "category/refresh").then().statusCode(200)
                .body("entries.total", equalTo(8));
        assertThat(listCalls(login)).isEqualTo(before + 1);

        // None of these reads is a write: the cap's window is empty, nothing was written to Vinted.
        Api.as(port, admin).get("/api/v1/channels/vinted/accounts/" + account + "/rate-limit").then().statusCode(200)
                .body("used", equalTo(0)).body("remaining", equalTo(40));
        assertThat(vinted.calls(login)).allSatisfy(c -> assertThat(c.method()).isEqualTo("GET"));

        // An unknown list is a 404; another business does not see the account.
        Api.as(port, admin).get(lists(account) + "shoes").then().statusCode(404);
        Account other = Api.newBusiness(port, "Friperie voisine des listes");
        Api.as(port, other).get(lists(account) + "category").then().statusCode(404);
    }

    @Test
    void aViewerReadsWhatWasFetchedAndAsksVintedNothingAndA429PausesTheAccount() {
        Account admin = Api.newBusiness(port, "Friperie des refus");
        FakeVinted.Login login = vinted.login("lists.two");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);
        Account viewer = Api.newUser(port, admin, "VIEWER");
        Api.as(port, admin).get(lists(account) + "colour").then().statusCode(200);

        Api.as(port, viewer).get(lists(account) + "colour").then().statusCode(200).body("entries.total", equalTo(4));
        long calls = listCalls(login);
        Api.as(port, viewer).get(lists(account) + "condition").then().statusCode(200)
                .body("fetchedAt", nullValue()).body("entries.total", equalTo(0));
        Api.as(port, viewer).post(lists(account) + "condition/refresh").then().statusCode(403);
        assertThat(listCalls(login)).isEqualTo(calls);

        // Vinted says 429 to a read: the account pauses as for a job, and Vinted is asked nothing more meanwhile.
        vinted.script(login, FakeVinted.Reply.TOO_MANY_REQUESTS);
        Api.as(port, admin).post(lists(account) + "condition/refresh").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("/account-paused"));
        Api.as(port, admin).get("/api/v1/channels/accounts/" + account).then().statusCode(200)
                .body("status", equalTo("PAUSED")).body("pauseReason", equalTo("RATE_LIMITED"));
        long paused = listCalls(login);
        Api.as(port, admin).post(lists(account) + "size/refresh").then().statusCode(409);
        assertThat(listCalls(login)).isEqualTo(paused);
        // What was read before is still there to browse.
        Api.as(port, admin).get(lists(account) + "colour").then().statusCode(200).body("entries.total", equalTo(4));
    }

    @Test
    void theMappingsPageBrowsesAListAndPutsTheChosenIdIntoTheNewRow() {
        Account admin = Api.newBusiness(port, "Friperie du choix");
        UUID account = ChannelsTesting.connectedAccount(port, admin, vinted.login("lists.three"));
        String jackets = Api.as(port, admin).body(Map.of("name", "Vestes")).post("/api/v1/categories").then()
                .statusCode(201).extract().path("id");
        WebSession web = new WebSession(port);
        web.signIn(admin.email(), admin.password());

        String empty = web.get("/app/channels/mappings").body();
        assertThat(empty).contains("data-vinted-lists", "data-list-search").doesNotContain("data-list-entry");

        String found = web.get("/app/channels/mappings?list=category&q=jean").body();
        assertThat(found).contains("data-id=\"1907\"", "Vestes en jean", "Femmes › Vêtements › Manteaux et vestes")
                .doesNotContain("data-id=\"10\"").contains("data-use-id", "data-list-refresh");
        String chosen = web.get("/app/channels/mappings?list=category&q=jean&use=1907&account=" + account).body();
        assertThat(chosen).containsPattern("id=\"id-category\"[^>]*value=\"1907\"")
                .containsPattern("id=\"label-category\"[^>]*value=\"Femmes › Vêtements › Manteaux et vestes › Vestes en jean\"");
        // The ids read are offered while typing in every table of that kind.
        assertThat(chosen).contains("<datalist id=\"vinted-ids-category\">")
                .containsPattern("id=\"id-category\"[^>]*list=\"vinted-ids-category\"");
        assertThat(web.post("/app/channels/mappings/category", Map.of("value", jackets, "marketplaceId", "1907"))
                .location()).hasValueSatisfying(l -> assertThat(l).contains("/app/channels/mappings"));
        Api.as(port, admin).get("/api/v1/channels/mappings/category").then()
                .body("rows.find { it.value == '" + jackets + "' }.marketplaceId", equalTo(1907));

        // Brands: the name typed is Vinted's search; the chosen brand's name goes in as our value.
        String brands = web.get("/app/channels/mappings?list=brand&q=maje&use=255").body();
        assertThat(brands).contains("data-id=\"255\"")
                .containsPattern("id=\"value-brand\"[^>]*value=\"Maje\"")
                .containsPattern("id=\"id-brand\"[^>]*value=\"255\"");
        assertThat(web.post("/app/channels/mappings/lists/size/refresh", Map.of("account", account.toString()))
                .location()).hasValueSatisfying(l -> assertThat(l).contains("list=size"));
        assertThat(web.get("/app/channels/mappings?list=size").body()).contains("data-id=\"4\"", "Chaussures femmes");
    }
}
