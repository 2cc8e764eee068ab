package app.comptoir.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;
import app.comptoir.support.WebSession.Page;

/** The catalog pages over real HTTP, as a merchant notices them: access, form errors, refusals, htmx. */
@IntegrationTest
class CatalogPagesIT {

    @LocalServerPort
    int port;

    @Test
    void aViewerReadsTheCatalogButSeesNoWriteButtonsAndCannotWrite() {
        Account admin = Api.newBusiness(port, "Jardinerie");
        String productId = CatalogApi.as(port, admin.accessToken())
                .create(CatalogApi.simple("Arrosoir en zinc 10 L", "ARR-ZINC-10", "24.90")).path("id");
        Account viewer = Api.newUser(port, admin, "VIEWER");
        WebSession browser = signedIn(viewer);

        Page list = browser.get("/app/catalog/products");
        assertThat(list.status()).isEqualTo(200);
        assertThat(text(list)).contains("Arrosoir en zinc 10 L", "ARR-ZINC-10", "24,90 €")
                .doesNotContain("data-new-product", "data-import", "href=\"/app/catalog/import\"");

        assertThat(text(browser.get("/app/catalog/products?lang=en"))).contains("Catalog", "1 product", "On sale",
                "€24.90", "Out of stock");
        browser.get("/app/catalog/products?lang=fr");

        Page product = browser.get("/app/catalog/products/" + productId);
        assertThat(product.status()).isEqualTo(200);
        assertThat(product.body()).contains("Arrosoir en zinc 10 L", "<fieldset class=\"product-fieldset\" disabled=\"disabled\"")
                .doesNotContain("data-save-product", "data-delete-product", "data-duplicate", "id=\"image-upload\"");

        assertThat(browser.get("/app/catalog/products/new").status()).isEqualTo(403);
        assertThat(browser.post("/app/catalog/products/" + productId + "/delete", Map.of()).status()).isEqualTo(403);
        assertThat(browser.post("/app/catalog/products/" + productId + "/status", Map.of("status", "ARCHIVED")).status())
                .isEqualTo(403);
        assertThat(browser.post("/app/catalog/categories", Map.of("name", "Arrosage")).status()).isEqualTo(403);
        assertThat(CatalogApi.as(port, admin.accessToken()).call().get("/api/v1/products/" + productId)
                .then().extract().path("status").toString()).isEqualTo("ACTIVE");
    }

    @Test
    void wrongFieldsComeBackNextToThemWithWhatWasTyped() {
        Account admin = Api.newBusiness(port, "Jardinerie");
        WebSession browser = signedIn(admin);
        browser.get("/app/catalog/products/new");

        Map<String, Object> form = product("", "une description gardée");
        form.put("variants[0].sku", "POT ROUGE");
        form.put("variants[0].barcode", "1234567890123");
        form.put("variants[0].price", "douze");
        form.put("variants[0].weight", "1,5");
        Page page = browser.post("/app/catalog/products/new", form);

        assertThat(page.status()).isEqualTo(200);
        assertThat(text(page))
                .contains("une description gardée", "value=\"POT ROUGE\"", "value=\"douze\"", "value=\"1,5\"")
                .contains("Saisissez un nombre, par exemple 12,50.");
        // The price could not be read, so the service was not asked yet; once it is, the rules speak.
        form.put("variants[0].price", "12,5");
        page = browser.post("/app/catalog/products/new", form);
        assertThat(page.body()).contains("Obligatoire.", "De 1 à 64 lettres, chiffres",
                "Code-barres non valable", "value=\"12,5\"");
    }

    @Test
    void aVariantRowShowsItsOwnErrorsForADuplicateSkuOrOneTakenByAnotherProduct() {
        Account admin = Api.newBusiness(port, "Jardinerie");
        CatalogApi.as(port, admin.accessToken()).create(CatalogApi.simple("Sécateur", "SEC-01", "19.00"));
        WebSession browser = signedIn(admin);
        browser.get("/app/catalog/products/new");

        Map<String, Object> form = product("Pot Toscane", "");
        form.put("options[0].name", "Taille");
        form.put("options[0].values", "S, M");
        form.put("variants[0].values", "S");
        form.put("variants[0].sku", "POT-T");
        form.put("variants[0].price", "9.90");
        form.put("variants[0].active", "true");
        form.put("variants[1].values", "M");
        form.put("variants[1].sku", "pot-t");
        form.put("variants[1].price", "12.90");
        form.put("variants[1].active", "true");
        Page page = browser.post("/app/catalog/products/new", form);
        assertThat(page.body()).contains("Le SKU pot-t est déjà celui d’une autre variante de ce produit.");
        assertThat(errorRows(page.body())).containsExactly(1);

        form.put("variants[1].sku", "SEC-01");
        page = browser.post("/app/catalog/products/new", form);
        assertThat(page.body()).contains("Le SKU SEC-01 est déjà utilisé par « Sécateur ».");
        assertThat(errorRows(page.body())).containsExactly(1);
    }

    @Test
    void generatingTheMatrixThenSavingCreatesEveryVariant() {
        Account admin = Api.newBusiness(port, "Jardinerie");
        WebSession browser = signedIn(admin);
        browser.get("/app/catalog/products/new");

        Map<String, Object> form = product("Tuyau d'arrosage", "");
        form.put("options[0].name", "Longueur");
        form.put("options[0].values", "15 m, 25 m");
        form.put("options[1].name", "Couleur");
        form.put("options[1].values", "Vert, Noir");
        form.put("variants[0].sku", "TUY");
        form.put("variants[0].price", "19,90");
        form.put("action", "generate");
        Page editor = browser.post("/app/catalog/products/new", form);
        assertThat(editor.body()).contains("4 variantes : vérifiez les SKU et les prix", "TUY-15M-VERT", "TUY-25M-NOIR")
                .contains("data-product-title");

        // The same through htmx: only the editor comes back.
        Page fragment = browser.post("/app/catalog/products/new", form, "HX-Request", "true");
        assertThat(fragment.body()).contains("id=\"variant-editor\"", "TUY-15M-NOIR").doesNotContain("data-product-title");

        Map<String, Object> save = fields(editor.body());
        save.put("variants[3].price", "24.90");
        save.put("action", "save");
        Page saved = browser.post("/app/catalog/products/new", save);
        assertThat(saved.status()).isEqualTo(302);
        String location = saved.location().orElseThrow();
        assertThat(location).matches(".*/app/catalog/products/[0-9a-f-]{36}");
        Page product = browser.get(location.replaceFirst("^https?://[^/]+", ""));
        assertThat(text(product)).contains("« Tuyau d'arrosage » a été ajouté au catalogue.",
                "TUY-15M-VERT", "TUY-15M-NOIR", "TUY-25M-VERT", "TUY-25M-NOIR", "19,90 € – 24,90 €");
    }

    @Test
    void deletingACategoryThatHoldsProductsIsRefusedWithAnAlert() {
        Account admin = Api.newBusiness(port, "Jardinerie");
        CatalogApi api = CatalogApi.as(port, admin.accessToken());
        String arrosage = api.createCategory("Arrosage", null);
        Map<String, Object> body = CatalogApi.simple("Arrosoir 10 L", "ARR-10", "15.00");
        body.put("categoryId", arrosage);
        api.create(body);
        WebSession browser = signedIn(admin);
        browser.get("/app/catalog/categories");

        Page refused = browser.post("/app/catalog/categories/" + arrosage + "/delete", Map.of());
        assertThat(refused.status()).isEqualTo(302);
        Page page = browser.get("/app/catalog/categories");
        assertThat(page.body()).contains("data-catalog-conflict",
                "« Arrosage » contient encore des produits : déplacez-les dans une autre catégorie");
        assertThat(api.call().get("/api/v1/categories/" + arrosage).statusCode()).isEqualTo(200);
    }

    @Test
    void categoriesAreCreatedNestedAndReorderedWithButtons() {
        Account admin = Api.newBusiness(port, "Jardinerie");
        WebSession browser = signedIn(admin);
        browser.get("/app/catalog/categories");
        browser.post("/app/catalog/categories", Map.of("name", "Outillage", "parentId", ""));
        browser.post("/app/catalog/categories", Map.of("name", "Arrosage", "parentId", ""));
        String arrosage = CatalogApi.as(port, admin.accessToken()).call().get("/api/v1/categories?q=Arrosage")
                .then().extract().path("items[0].id");
        browser.post("/app/catalog/categories", Map.of("name", "Tuyaux", "parentId", arrosage));

        Page taken = browser.post("/app/catalog/categories", Map.of("name", "Outillage", "parentId", ""));
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.body()).contains("Une catégorie porte déjà ce nom à cet endroit.");

        assertThat(names(browser.get("/app/catalog/categories").body())).containsExactly("Outillage", "Arrosage", "Tuyaux");
        Page renamed = browser.post("/app/catalog/categories/" + arrosage, Map.of("name", " ", "parentId", ""));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(text(renamed)).contains("Obligatoire, 80 caractères au plus.");
        assertThat(renamed.body()).containsPattern("<details[^>]*open");
        browser.post("/app/catalog/categories/" + arrosage + "/move", Map.of("direction", "up"));
        assertThat(names(browser.get("/app/catalog/categories").body())).containsExactly("Arrosage", "Tuyaux", "Outillage");
    }

    @Test
    void theListSearchesLiveRemembersTheGridAndCountsFacets() {
        Account admin = Api.newBusiness(port, "Jardinerie");
        CatalogApi api = CatalogApi.as(port, admin.accessToken());
        String arrosage = api.createCategory("Arrosage", null);
        Map<String, Object> can = CatalogApi.simple("Arrosoir en zinc", "ARR-Z", "24.90");
        can.put("categoryId", arrosage);
        can.put("tags", List.of("extérieur"));
        api.create(can);
        api.create(CatalogApi.simple("Sécateur de précision", "SEC-P", "31.00"));
        WebSession browser = signedIn(admin);

        Page all = browser.get("/app/catalog/products");
        assertThat(all.body()).contains("2 produits", "Arrosage (1)", "extérieur (1)");

        Page fragment = browser.get("/app/catalog/products?q=arosoir", "HX-Request", "true");
        assertThat(fragment.body()).contains("1 produit", "Arrosoir en zinc", "hx-swap-oob=\"innerHTML\"", "Pertinence")
                .doesNotContain("Sécateur", "<html");
        // Header values of Vary are case-insensitive; with compression on, Tomcat joins them in lower case.
        assertThat(fragment.header("Vary")).containsIgnoringCase("HX-Request");

        Page grid = browser.get("/app/catalog/products?view=grid");
        assertThat(grid.header("Set-Cookie")).contains("catalog-view=grid");
        assertThat(grid.body()).contains("id=\"products-grid\"");
        assertThat(browser.get("/app/catalog/products").body()).contains("id=\"products-grid\"");
        assertThat(browser.get("/app/catalog/products?view=list").body()).contains("id=\"products-body\"");
    }

    @Test
    void aProductIsArchivedDuplicatedAndDeletedFromItsPage() {
        Account admin = Api.newBusiness(port, "Jardinerie");
        String id = CatalogApi.as(port, admin.accessToken())
                .create(CatalogApi.simple("Bêche forgée", "BECHE-F", "39.00")).path("id");
        WebSession browser = signedIn(admin);
        browser.get("/app/catalog/products/" + id);

        browser.post("/app/catalog/products/" + id + "/status", Map.of("status", "ARCHIVED"));
        assertThat(browser.get("/app/catalog/products/" + id).body()).contains("Le produit est archivé",
                "data-status=\"ARCHIVED\"", "Remettre en vente");

        Page copy = browser.post("/app/catalog/products/" + id + "/duplicate", Map.of());
        String copyPath = copy.location().orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(copyPath).doesNotEndWith(id);
        assertThat(browser.get(copyPath).body()).contains("Bêche forgée (copie)", "BECHE-F-COPY", "data-status=\"DRAFT\"");

        Page deleted = browser.post("/app/catalog/products/" + id + "/delete", Map.of());
        assertThat(deleted.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/app/catalog/products"));
        assertThat(browser.get("/app/catalog/products/" + id).status()).isEqualTo(404);
    }

    @Test
    void anImportDryRunListsTheLineErrorsAndACleanOneIsImportedForRealWithoutSendingTheFileAgain() {
        Account admin = Api.newBusiness(port, "Jardinerie");
        WebSession browser = signedIn(admin);
        assertThat(browser.get("/app/catalog/import").body()).contains("Essai à blanc", "checked=\"checked\"");

        String broken = ImportExportIT.HEADER
                + ",Arrosoir 10 L,,,Arrosage,,,20,,,,,,,,ARR-10,,douze,,,,\n"
                + ",Sécateur,,,Outillage,,,20,,,,,,,,ARR-10,,19.90,,,,\n";
        Page report = imported(browser, browser.postFile("/app/catalog/import", Map.of("dryRun", "true"), "file",
                "catalogue.csv", "text/csv", broken.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(report.status()).isEqualTo(200);
        assertThat(text(report)).contains("Compte rendu de l’essai à blanc", "catalogue.csv", "2 lignes ont des erreurs",
                "« douze » n’est pas un nombre.", "Le SKU ARR-10 figure déjà ligne 2.")
                .doesNotContain("data-import-for-real");
        assertThat(report.body()).contains("data-line=\"2\"", "data-line=\"3\"");

        String clean = ImportExportIT.HEADER
                + ",Arrosoir 10 L,,,Arrosage,,,20,,,,,,,,ARR-10,,12.50,,,,\n"
                + ",Sécateur,,,Outillage,,,20,,,,,,,,SEC-1,,19.90,,,,\n";
        Page ready = imported(browser, browser.postFile("/app/catalog/import", Map.of("dryRun", "true"), "file",
                "catalogue.csv", "text/csv", clean.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(text(ready)).contains("Le fichier est correct. Rien n’a encore été enregistré", "Importer pour de vrai");
        Matcher token = Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"").matcher(ready.body());
        assertThat(token.find()).isTrue();
        assertThat(browser.get("/app/catalog/products").body()).contains("Votre catalogue est vide");

        Page done = imported(browser, browser.post("/app/catalog/import/confirm",
                Map.of("token", token.group(1), "partial", "false")));
        assertThat(text(done)).contains("Import terminé : votre catalogue est à jour.");
        assertThat(text(browser.get("/app/catalog/products"))).contains("2 produits", "Arrosoir 10 L", "Sécateur");
        // The file is forgotten once imported.
        assertThat(text(browser.post("/app/catalog/import/confirm", Map.of("token", token.group(1)))))
                .contains("Ce fichier n’est plus disponible");
    }

    @Test
    void theCatalogIsExportedAsCsvFromThePages() {
        Account admin = Api.newBusiness(port, "Jardinerie");
        CatalogApi.as(port, admin.accessToken()).create(CatalogApi.simple("Bêche", "BECHE-1", "39.00"));
        Account viewer = Api.newUser(port, admin, "VIEWER");
        Page csv = signedIn(viewer).get("/app/catalog/export.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).contains("slug;name;", "BECHE-1;");
        assertThat(signedIn(viewer).get("/app/catalog/import").status()).isEqualTo(403);
    }

    @Test
    void picturesAreAddedRefusedWhenTheyAreNotPicturesAndRemoved() throws java.io.IOException {
        Account admin = Api.newBusiness(port, "Jardinerie");
        String id = CatalogApi.as(port, admin.accessToken())
                .create(CatalogApi.simple("Jardinière", "JARD-60", "24.00")).path("id");
        WebSession browser = signedIn(admin);
        String path = "/app/catalog/products/" + id;
        browser.get(path);

        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", png);
        Page added = browser.postFile(path + "/images", Map.of(), "file", "jardiniere.png", "image/png", png.toByteArray());
        assertThat(added.location()).hasValueSatisfying(l -> assertThat(l).endsWith(path + "#images"));
        Page page = browser.get(path);
        assertThat(text(page)).contains("La photo a été ajoutée.");
        Matcher thumb = Pattern.compile("src=\"(" + path + "/images/([0-9a-f-]{36})\\?thumb=true)\"").matcher(page.body());
        assertThat(thumb.find()).isTrue();
        Page picture = browser.get(thumb.group(1));
        assertThat(picture.status()).isEqualTo(200);
        assertThat(picture.header("Content-Type")).startsWith("image/");

        browser.postFile(path + "/images", Map.of(), "file", "notes.txt", "text/plain", "pas une image".getBytes());
        assertThat(text(browser.get(path))).contains("data-image-error",
                "Ce fichier n’est pas une image JPEG, PNG ou WebP : seuls ces formats sont acceptés.");

        browser.post(path + "/images/" + thumb.group(2) + "/delete", Map.of());
        assertThat(text(browser.get(path))).contains("La photo a été retirée.", "Pas encore de photo.");
        assertThat(browser.get(thumb.group(1)).status()).isEqualTo(404);
    }

    /** Follows an import to its background job's page and waits there until the report replaces the bar. */
    private static Page imported(WebSession browser, Page posted) {
        assertThat(posted.status()).isEqualTo(302);
        String job = posted.location().orElseThrow();
        assertThat(job).contains("/app/catalog/import?job=");
        String path = job.substring(job.indexOf("/app/"));
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> browser.get(path), page -> !page.body().contains("data-import-job"));
    }

    @Test
    void secondHandAttributesAreTypedInTheProductFormAndAWrongOneComesBackNextToItsField() {
        Account admin = Api.newBusiness(port, "Friperie formulaire");
        WebSession browser = signedIn(admin);
        Page blank = browser.get("/app/catalog/products/new");
        assertThat(text(blank)).contains("Article de seconde main", "Très bon état").doesNotContain("<details class=\"mt-3\" id=\"second-hand\" open");

        Map<String, Object> form = product("Veste en jean", "");
        form.put("variants[0].sku", "VESTE-F");
        form.put("variants[0].price", "24,50");
        form.put("variants[0].active", "true");
        form.put("condition", "VERY_GOOD");
        form.put("size", "M");
        form.put("material", "x".repeat(81));
        Page wrong = browser.post("/app/catalog/products/new", form);
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(text(wrong)).contains("80 caractères au plus.", "id=\"second-hand\" open", "value=\"M\"");

        form.put("material", "coton");
        Page saved = browser.post("/app/catalog/products/new", form);
        assertThat(saved.status()).isEqualTo(302);
        Api.as(port, admin).get("/api/v1/products?q=veste").then().statusCode(200)
                .body("items[0].secondHand.condition", org.hamcrest.Matchers.equalTo("VERY_GOOD"))
                .body("items[0].secondHand.size", org.hamcrest.Matchers.equalTo("M"))
                .body("items[0].secondHand.material", org.hamcrest.Matchers.equalTo("coton"));
    }

    private WebSession signedIn(Account account) {
        WebSession browser = new WebSession(port);
        assertThat(browser.signIn(account.email(), account.password()).location())
                .hasValueSatisfying(l -> assertThat(l).endsWith("/app"));
        return browser;
    }

    /** The product form's fields with a name and a description, one variant, nothing else filled in. */
    private static Map<String, Object> product(String name, String description) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("description", description);
        form.put("brand", "");
        form.put("categoryId", "");
        form.put("tags", "");
        form.put("status", "ACTIVE");
        form.put("vatRate", "20");
        form.put("unit", "piece");
        form.put("customUnit", "");
        form.put("variants[0].sku", "");
        form.put("variants[0].price", "");
        return form;
    }

    /** The page as a reader sees its text: character references decoded, non-breaking spaces as spaces. */
    private static String text(Page page) {
        return HtmlUtils.htmlUnescape(page.body()).replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    private static final Pattern INPUT = Pattern.compile("<input[^>]*?name=\"([^\"]+)\"[^>]*?>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    /** The named inputs of a page's product form as a browser would post them (checkboxes when checked). */
    private static Map<String, Object> fields(String html) {
        Map<String, Object> form = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(html.substring(html.indexOf("id=\"product-form\"")));
        while (input.find()) {
            String tag = input.group();
            if (tag.contains("type=\"checkbox\"") && !tag.contains("checked")) {
                continue;
            }
            if (tag.contains("type=\"file\"")) {
                continue;
            }
            Matcher value = VALUE.matcher(tag);
            String v = value.find() ? value.group(1).replace("&#39;", "'").replace("&amp;", "&") : "";
            form.merge(input.group(1), v, (a, b) -> {
                List<Object> values = new java.util.ArrayList<>(a instanceof List<?> l ? l : List.of(a));
                values.add(b);
                return values;
            });
        }
        form.putIfAbsent("name", "");
        return form;
    }

    private static List<Integer> errorRows(String html) {
        List<Integer> rows = new java.util.ArrayList<>();
        Matcher row = Pattern.compile("data-variant-row=\"(\\d+)\"(.*?)</tr>", Pattern.DOTALL).matcher(html);
        while (row.find()) {
            if (row.group(2).contains("is-invalid")) {
                rows.add(Integer.parseInt(row.group(1)));
            }
        }
        return rows;
    }

    private static List<String> names(String html) {
        List<String> names = new java.util.ArrayList<>();
        Matcher name = Pattern.compile("data-category=\"([^\"]+)\"").matcher(html);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }
}
