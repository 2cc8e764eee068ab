package app.comptoir.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;
import app.comptoir.support.WebSession.Page;

/** Issue #13: the category page is paged by top-level branches (five a page) and loads each edit form when it opens. */
@IntegrationTest
class CategoryPagingIT {

    @LocalServerPort
    int port;

    @Test
    void theCategoryPageShowsEightBranchesAPageWithNextAndPreviousLinks() {
        Account owner = Api.newBusiness(port, "Jardinerie des Pages");
        CatalogApi api = CatalogApi.as(port, owner.accessToken());
        List<String> departments = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            String department = api.createCategory("Rayon %02d".formatted(i), null);
            departments.add(department);
            api.createCategory("Famille %02d".formatted(i), department);
        }
        WebSession browser = new WebSession(port);
        browser.signIn(owner.email(), owner.password());

        Page first = browser.get("/app/catalog/categories");
        assertThat(names(first.body())).hasSize(10).startsWith("Rayon 01", "Famille 01").endsWith("Rayon 05", "Famille 05");
        assertThat(first.body()).contains("href=\"/app/catalog/categories?page=1\" rel=\"next\"", "1–5 sur 7")
                .doesNotContain("rel=\"prev\"");
        // The new category may go under any category, on whichever page it is.
        assertThat(first.body()).contains("Rayon 07");

        Page second = browser.get("/app/catalog/categories?page=1");
        assertThat(names(second.body())).containsExactly("Rayon 06", "Famille 06", "Rayon 07", "Famille 07");
        assertThat(second.body()).contains("href=\"/app/catalog/categories\" rel=\"prev\"", "6–7 sur 7")
                .doesNotContain("rel=\"next\"");
        assertThat(names(browser.get("/app/catalog/categories?page=99").body())).startsWith("Rayon 06");

        // A change on the second page comes back to it.
        Page moved = browser.post("/app/catalog/categories/" + departments.get(6) + "/move", Map.of("direction", "up"));
        assertThat(moved.location()).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/app/catalog/categories?page=1#category-" + departments.get(6)));
    }

    @Test
    void eachRenameFormIsLoadedWhenItOpensSoThePageNoLongerGrowsWithTheSquareOfTheCategories() {
        WebSession browser = new WebSession(port);
        browser.signIn("admin@jardin-des-lilas.demo", Api.DEMO_PASSWORD);
        Page page = browser.get("/app/catalog/categories");
        int bytes = page.body().getBytes(StandardCharsets.UTF_8).length;
        System.out.println("The garden shop's category page: " + bytes + " bytes");
        assertThat(bytes).as("the garden shop's category page (666 KB before)").isLessThan(125_000);
        assertThat(page.body()).contains("hx-trigger=\"toggle once\"").doesNotContain("id=\"parent-");

        Matcher edit = Pattern.compile("hx-get=\"(/app/catalog/categories/[0-9a-f-]+/edit)\"").matcher(page.body());
        assertThat(edit.find()).isTrue();
        Page form = browser.get(edit.group(1), "HX-Request", "true");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("<form", "name=\"name\"", "name=\"parentId\"");
        assertThat(Pattern.compile("<option").matcher(form.body()).results().count()).isGreaterThan(40);
        assertThat(browser.get("/app/catalog/categories/" + java.util.UUID.randomUUID() + "/edit").status())
                .isEqualTo(404);
    }

    private static List<String> names(String html) {
        List<String> names = new ArrayList<>();
        Matcher name = Pattern.compile("data-category=\"([^\"]+)\"").matcher(html);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }
}
