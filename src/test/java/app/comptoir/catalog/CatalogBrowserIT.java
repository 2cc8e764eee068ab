package app.comptoir.catalog;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/** The catalog in Debian's headless chromium, the way a garden shop manager uses it. */
@IntegrationTest
class CatalogBrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 900);

    @LocalServerPort
    int port;

    private Page page;

    @BeforeEach
    void openPage() {
        page = browsers.page();
    }

    @Test
    void aManagerCreatesAProductWithTwoByTwoVariantsThenFindsItDespiteATypo() throws IOException {
        Account owner = Api.newBusiness(port, "Jardinerie du Canal");
        CatalogApi api = CatalogApi.as(port, owner.accessToken());
        String arrosage = api.createCategory("Arrosage", null);
        api.createCategory("Outillage", null);
        Map<String, Object> shears = CatalogApi.simple("Sécateur de précision", "SEC-PRO", "31.00");
        shears.put("brand", "Lame d'Or");
        api.create(shears);
        Map<String, Object> hose = CatalogApi.matrix("Tuyau d'arrosage tressé", "TUY", "19.90",
                List.of(CatalogApi.option("Longueur", "15 m", "25 m", "50 m")));
        hose.put("categoryId", arrosage);
        api.create(hose);
        signIn(owner);

        page.navigate("/app/catalog/products");
        page.locator("[data-new-product]").click();
        page.waitForURL("**/app/catalog/products/new");

        page.getByLabel("Nom du produit").fill("Arrosoir galvanisé");
        page.locator("#description").fill("Arrosoir en acier galvanisé avec pomme en laiton, pour le potager et les semis.");
        page.locator("#brand").fill("Guillouard");
        page.locator("#categoryId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Arrosage"));
        page.locator("#tags").fill("arrosage, extérieur");

        // One variant to start with; its SKU and price seed the matrix.
        page.locator("[name='variants[0].sku']").fill("ARR-GALVA");
        page.locator("[name='variants[0].price']").fill("29,90");
        page.locator("[name='options[0].name']").fill("Taille");
        page.locator("[name='options[0].values']").fill("S, M");
        page.locator("[name='options[1].name']").fill("Couleur");
        page.locator("[name='options[1].values']").fill("Rouge, Vert");
        page.locator("#generate-variants").click();

        Locator rows = page.locator("#variants-body tr");
        assertThat(rows).hasCount(4);
        assertThat(page.locator("[data-matrix-notice]")).containsText("4 variantes");
        assertThat(rows.nth(0)).containsText("S / Rouge");
        assertThat(rows.nth(3)).containsText("M / Vert");
        assertThat(page.locator("[name='variants[0].sku']")).hasValue("ARR-GALVA-S-ROUGE");
        assertThat(page.locator("[name='variants[3].sku']")).hasValue("ARR-GALVA-M-VERT");
        // What was typed above the editor is still there after htmx swapped it.
        assertThat(page.getByLabel("Nom du produit")).hasValue("Arrosoir galvanisé");

        page.locator("[name='variants[2].price']").fill("34,90");
        page.locator("[name='variants[3].price']").fill("34,90");
        page.locator("[name='variants[0].barcode']").fill("4006381333931");
        page.locator("[name='variants[3].compareAtPrice']").fill("39,90");
        page.locator("[data-save-product]").click();

        page.waitForURL(Pattern.compile(".*/app/catalog/products/[0-9a-f-]{36}$"));
        assertThat(page.locator("[data-flash]")).containsText("« Arrosoir galvanisé » a été ajouté au catalogue.");
        assertThat(page.locator("#variants-body tr")).hasCount(4);
        assertThat(page.locator("[name='variants[1].sku']")).hasValue("ARR-GALVA-S-VERT");
        // Shown back in French with a decimal comma, as typed.
        assertThat(page.locator("[name='variants[2].price']")).hasValue("34,90");

        // A picture, then a file that is not one.
        page.locator("#image-file").setInputFiles(wateringCan());
        page.locator("[data-upload-image]").click();
        assertThat(page.locator("[data-flash]")).containsText("La photo a été ajoutée.");
        assertThat(page.locator("[data-image] img")).hasCount(1);
        Path notAPicture = Files.writeString(Files.createTempFile("notes", ".txt"), "ceci n'est pas une image");
        page.locator("#image-file").setInputFiles(notAPicture);
        assertThat(page.locator("#image-file")).hasValue(Pattern.compile(".*notes.*\\.txt$"));
        page.locator("[data-upload-image]").click();
        assertThat(page.locator("[data-image-error]")).containsText("n’est pas une image JPEG, PNG ou WebP");
        browsers.screenshot("catalog-product");

        // In the list, a misspelt search still finds it, without reloading the page.
        page.locator("[data-navigation]").getByText("Catalogue").click();
        page.waitForURL("**/app/catalog/products");
        assertThat(page.locator("#products-body tr")).hasCount(3);
        page.locator("#products-q").pressSequentially("arosoir", new Locator.PressSequentiallyOptions().setDelay(40));
        assertThat(page.locator("#products-body tr")).hasCount(1);
        Locator found = page.locator("#products-body tr").first();
        assertThat(found).containsText("Arrosoir galvanisé");
        assertThat(found).containsText("ARR-GALVA-S-ROUGE");
        assertThat(found).containsText("+ 3 variantes");
        assertThat(found.locator("[data-price]")).hasText(Pattern.compile("29,90\\s€\\s–\\s34,90\\s€"));
        assertThat(found.locator("img.catalog-thumb")).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/app/catalog/products\\?q=arosoir.*"));
        assertThat(page.locator("#products-sort option:checked")).hasText("Pertinence");
        page.locator("#products-q").fill("");
        page.locator("#products-q").press("Enter");
        page.waitForURL("**/app/catalog/products?**");
        assertThat(page.locator("#products-body tr")).hasCount(3);
        browsers.screenshot("catalog-products");

        // The grid is remembered.
        page.locator("[data-layout-grid]").click();
        assertThat(page.locator("#products-grid .product-card")).hasCount(3);
        page.navigate("/app/catalog/products");
        assertThat(page.locator("#products-grid .product-card")).hasCount(3);
        browsers.screenshot("catalog-products-grid");

        // On a phone: the list keeps name, price and status; the product page scrolls its variant table.
        page.setViewportSize(390, 844);
        page.navigate("/app/catalog/products?view=list");
        assertThat(page.locator("#products-body tr")).hasCount(3);
        browsers.screenshot("catalog-products-phone");
        page.locator("#products-body a", new Page.LocatorOptions().setHasText("Arrosoir galvanisé")).click();
        assertThat(page.locator("#variants-body tr")).hasCount(4);
        browsers.screenshot("catalog-product-phone");
    }

    @Test
    void categoriesAreManagedWithButtonsAndADeleteRefusalIsExplained() {
        Account owner = Api.newBusiness(port, "Jardinerie du Canal");
        CatalogApi api = CatalogApi.as(port, owner.accessToken());
        String arrosage = api.createCategory("Arrosage", null);
        String hoses = api.createCategory("Tuyaux", arrosage);
        Map<String, Object> hose = CatalogApi.simple("Tuyau 25 m", "TUY-25", "29.00");
        hose.put("categoryId", hoses);
        api.create(hose);
        signIn(owner);

        page.navigate("/app/catalog/categories");
        page.locator("#name").fill("Outillage");
        page.locator("[data-create-category]").click();
        assertThat(page.locator("[data-flash]")).containsText("La catégorie « Outillage » a été créée.");
        Locator tree = page.locator("[data-category]");
        assertThat(tree).hasCount(3);
        assertThat(tree.nth(0)).hasAttribute("data-category", "Arrosage");
        assertThat(tree.nth(0)).containsText("1 produit");
        assertThat(tree.nth(1)).hasAttribute("data-category", "Tuyaux");
        assertThat(tree.nth(1)).hasAttribute("data-depth", "1");
        assertThat(tree.nth(1)).containsText("1 produit");
        assertThat(tree.nth(2)).hasAttribute("data-category", "Outillage");

        page.locator("[data-category='Outillage'] [data-move-up]").click();
        assertThat(page.locator("[data-category]").first()).hasAttribute("data-category", "Outillage");
        // The reloaded page shows its tree before it has finished parsing: a click then is held until the
        // page's deferred script can ask (ConfirmationBeforeScriptsBrowserIT), so no wait is needed here.
        page.locator("[data-category='Tuyaux'] [data-delete-category]").click();
        page.locator("#confirm-modal [data-confirm-ok]").click();
        assertThat(page.locator("[data-catalog-conflict]")).containsText("« Tuyaux » contient encore des produits");
        assertThat(page.locator("[data-category]")).hasCount(3);
        browsers.screenshot("catalog-categories");

        // A CSV checked in a dry run lists its errors by line; nothing is imported.
        page.locator("[data-catalog-tabs] a", new Page.LocatorOptions().setHasText("Import CSV")).click();
        page.waitForURL("**/app/catalog/import");
        assertThat(page.locator("#import-dry-run")).isChecked();
        page.locator("#import-file").setInputFiles(new com.microsoft.playwright.options.FilePayload("catalogue.csv",
                "text/csv", ("name;sku;price;vat_rate;category\n"
                        + "Arrosoir 5 L;ARR-5;9,90;20;Arrosage\n"
                        + "Arrosoir 10 L;ARR-5;douze;20;Arrosage\n"
                        + "Pelle à grain;PEL-1;24,00;5,5;Outillage\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.locator("[data-import-submit]").click();
        assertThat(page.locator("[data-import-status]")).hasAttribute("data-import-status", "invalid");
        assertThat(page.locator("[data-import-errors] tbody tr")).hasCount(2);
        assertThat(page.locator("[data-import-errors] tr[data-line='3']")).hasCount(2);
        assertThat(page.locator("[data-import-errors]")).containsText("« douze » n’est pas un nombre.");
        assertThat(page.locator("[data-import-errors]")).containsText("Le SKU ARR-5 figure déjà ligne 2.");
        assertThat(page.locator("[data-import-for-real]")).hasCount(0);
        browsers.screenshot("catalog-import");
    }

    @Test
    void theDemoGardenShopBrowsesItsThousandProducts() {
        Browsers.signIn(page, "manager@jardin-des-lilas.demo", Api.DEMO_PASSWORD);

        page.navigate("/app/catalog/products?view=list");
        assertThat(page.locator("#products-body tr")).hasCount(24);
        assertThat(page.locator("[data-products-count]")).containsText("produits");
        page.locator("#products-q").pressSequentially("secatuer", new Locator.PressSequentiallyOptions().setDelay(40));
        assertThat(page.locator("#products-body tr").first()).containsText("écateur");
        page.locator("#products-q").fill("");
        page.locator("#products-category").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        assertThat(page).hasURL(Pattern.compile(".*category=.*"));
        assertThat(page.locator("#products-category option:checked")).not().hasText(Pattern.compile("^Toutes.*"));
        // The last answer is the one for the last filters: no search any more, so sorted by name.
        assertThat(page.locator("#products-sort option:checked")).hasText("Nom (A → Z)");
        browsers.screenshot("catalog-demo");
    }

    private void signIn(Account account) {
        Browsers.signIn(page, account.email(), account.password());
    }

    /** A drawing of a watering can, as a product photo would show one. */
    private static Path wateringCan() throws IOException {
        BufferedImage image = new BufferedImage(640, 640, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0xF4F1EA), 0, 640, new Color(0xE4DED0)));
        g.fillRect(0, 0, 640, 640);
        g.setColor(new Color(0, 0, 0, 30));
        g.fill(new Ellipse2D.Double(150, 520, 360, 50));
        Color zinc = new Color(0x8E9AA6);
        g.setPaint(new GradientPaint(170, 0, new Color(0xB7C1CB), 470, 0, new Color(0x6F7C88)));
        g.fill(new RoundRectangle2D.Double(170, 250, 300, 290, 40, 40));
        g.setColor(zinc);
        g.setStroke(new BasicStroke(22, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new java.awt.geom.Arc2D.Double(200, 150, 240, 200, 0, 180, java.awt.geom.Arc2D.OPEN));
        Path2D spout = new Path2D.Double();
        spout.moveTo(180, 470);
        spout.lineTo(70, 250);
        g.setStroke(new BasicStroke(26, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(spout);
        g.setColor(new Color(0xB8860B));
        g.fill(new Ellipse2D.Double(38, 205, 70, 70));
        g.dispose();
        Path file = Files.createTempFile("arrosoir", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
