package app.comptoir.catalog;

import static app.comptoir.catalog.CatalogApi.matrix;
import static app.comptoir.catalog.CatalogApi.option;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

@IntegrationTest
class ImportExportIT {

    static final String HEADER = "slug,name,description,brand,category,tags,status,vat_rate,unit,option1_name,"
            + "option1_value,option2_name,option2_value,option3_name,option3_value,sku,barcode,price,"
            + "compare_at_price,cost,weight,active\n";

    @LocalServerPort
    int port;

    private Response importCsv(CatalogApi shop, String csv, String params) {
        return RestAssured.given().port(port).header("Authorization", "Bearer " + shop.token)
                .accept("application/json, application/problem+json")
                .multiPart("file", "products.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/products/import" + params);
    }

    private String export(CatalogApi shop) {
        return new String(shop.call().accept("text/csv").get("/api/v1/products/export.csv").then().statusCode(200)
                .contentType("text/csv;charset=UTF-8").extract().asByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void aDryRunReportsWhatWouldHappenWithoutWriting() {
        CatalogApi shop = CatalogApi.newShop(port);
        String csv = HEADER
                + "tuyau,Tuyau d'arrosage,\"Souple, anti-vrille\",Gardena,Arrosage > Tuyaux,\"arrosage, été\",ACTIVE,20,metre,"
                + "Longueur,15 m,,,,,TUY-15,,24.90,,12,2.5,true\n"
                + "tuyau,,,,,,,,,Longueur,25 m,,,,,TUY-25,,34.90,39.90,18,3.8,true\n"
                + ",Sécateur,,Felco,Outillage,,,\"5,5\",,,,,,,,SEC-2,7610263000025,59,,,,oui\n";
        JsonPath report = importCsv(shop, csv, "?dryRun=true").then().statusCode(200).extract().jsonPath();
        assertThat(report.getBoolean("dryRun")).isTrue();
        assertThat(report.getBoolean("written")).isFalse();
        assertThat(report.getInt("lines")).isEqualTo(3);
        assertThat(report.getInt("productsCreated")).isEqualTo(2);
        assertThat(report.getInt("variantsCreated")).isEqualTo(3);
        assertThat(report.getInt("categoriesCreated")).isEqualTo(3);
        assertThat(report.getList("errors")).isEmpty();
        shop.call().get("/api/v1/products").then().body("total", equalTo(0));
        shop.call().get("/api/v1/categories/all").then().body("size()", equalTo(0));

        JsonPath done = importCsv(shop, csv, "").then().statusCode(200).extract().jsonPath();
        assertThat(done.getBoolean("written")).isTrue();
        JsonPath hose = shop.call().get("/api/v1/products?q=tuyau").then().extract().jsonPath();
        assertThat(hose.getString("items[0].slug")).isEqualTo("tuyau");
        assertThat(hose.getString("items[0].description")).isEqualTo("Souple, anti-vrille");
        assertThat(hose.getList("items[0].tags")).containsExactly("arrosage", "été");
        assertThat(hose.getString("items[0].unit")).isEqualTo("metre");
        assertThat(hose.getList("items[0].options[0].values")).containsExactly("15 m", "25 m");
        assertThat(hose.getList("items[0].variants.sku")).containsExactly("TUY-15", "TUY-25");
        assertThat(hose.getFloat("items[0].variants[1].compareAtPrice")).isEqualTo(39.9f);
        JsonPath pruner = shop.call().get("/api/v1/variants/by-sku/sec-2").then().statusCode(200).extract().jsonPath();
        assertThat(pruner.getFloat("vatRate")).isEqualTo(5.5f);
        assertThat(pruner.getString("barcode")).isEqualTo("7610263000025");
        assertThat(shop.call().get("/api/v1/categories/all").then().extract().jsonPath().getList("name"))
                .containsExactlyInAnyOrder("Arrosage", "Outillage");
    }

    @Test
    void whenALineIsInvalidNothingIsWrittenAndEveryErrorIsReportedByLine() {
        CatalogApi shop = CatalogApi.newShop(port);
        String csv = HEADER
                + "ok,Produit correct,,,,,,20,,,,,,,,OK-1,,10,,,,\n"
                + "bad,Produit faux,,,,,,20,,,,,,,,BAD-1,1234567890123,dix,,,,\n"
                + "bad2,,,,,,,20,,,,,,,,BAD-2,,5,,,,peut-être\n"
                + "dup,Doublon,,,,,,20,,,,,,,,ok-1,,5,,,,\n";
        importCsv(shop, csv, "").then().statusCode(400)
                .body("type", endsWith("/import-rejected"))
                .body("report.written", equalTo(false))
                .body("report.productsSkipped", equalTo(3));
        JsonPath report = importCsv(shop, csv, "").then().extract().jsonPath();
        List<Map<String, Object>> errors = report.getList("errors");
        assertThat(errors).extracting(e -> e.get("line") + ":" + e.get("field")).containsExactly(
                "3:barcode", "3:price", "4:name", "4:active", "5:sku");
        assertThat(report.getString("errors.find { it.field == 'price' }.message")).contains("'dix' is not a number");
        assertThat(report.getString("errors.find { it.field == 'barcode' }.message")).contains("check digit");
        assertThat(report.getString("errors.find { it.line == 5 }.message")).contains("also on line 2");
        shop.call().get("/api/v1/products").then().body("total", equalTo(0));

        // With partial=true, the valid products are imported and the others skipped.
        JsonPath partial = importCsv(shop, csv, "?partial=true").then().statusCode(200).extract().jsonPath();
        assertThat(partial.getBoolean("written")).isTrue();
        assertThat(partial.getInt("productsCreated")).isEqualTo(1);
        assertThat(partial.getInt("productsSkipped")).isEqualTo(3);
        assertThat(partial.getList("errors")).hasSize(5);
        shop.call().get("/api/v1/products").then().body("total", equalTo(1)).body("items[0].name", equalTo("Produit correct"));
    }

    @Test
    void importUpdatesBySkuAndAMissingColumnKeepsTheCurrentValue() {
        CatalogApi shop = CatalogApi.newShop(port);
        String id = shop.create(matrix("Pot", "POT", "10", List.of(option("Taille", "S", "M")))).path("id");
        // Only SKU and price: the prices change, nothing else; the SKU's case does not matter.
        JsonPath report = importCsv(shop, "sku;price\r\npot-s;11,50\r\nPOT-M;10\r\n", "").then().statusCode(200)
                .extract().jsonPath();
        assertThat(report.getInt("productsUpdated")).isEqualTo(1);
        assertThat(report.getInt("variantsUpdated")).isEqualTo(1);
        JsonPath product = shop.call().get("/api/v1/products/" + id).then().extract().jsonPath();
        assertThat(product.getList("variants.price", Float.class)).containsExactly(11.5f, 10f);
        assertThat(product.getList("variants.sku")).containsExactly("pot-s", "POT-M");
        assertThat(product.getString("name")).isEqualTo("Pot");
        // A new variant joins its product by slug, and a new option value is added to the definitions.
        importCsv(shop, "slug,sku,option1_name,option1_value,price\npot,POT-L,Taille,L,12\n", "").then().statusCode(200)
                .body("variantsCreated", equalTo(1));
        shop.call().get("/api/v1/products/" + id).then()
                .body("options[0].values", org.hamcrest.Matchers.contains("S", "M", "L"))
                .body("variants.sku", org.hamcrest.Matchers.contains("pot-s", "POT-M", "POT-L"));
        // A SKU of another product cannot be taken over.
        shop.create(CatalogApi.simple("Autre", "AUTRE-1", "3"));
        importCsv(shop, "slug,sku,price\npot,autre-1,3\n", "").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("sku"))
                .body("errors.find { it.field == 'sku' }.message", org.hamcrest.Matchers.containsString("another product"));
    }

    @Test
    void anExportImportsBackUnchangedAndRebuildsTheSameCatalogElsewhere() {
        CatalogApi shop = CatalogApi.newShop(port);
        String category = shop.createCategory("Pots", shop.createCategory("Jardin", null));
        Map<String, Object> pot = matrix("Pot « Toscane », terre cuite", "POT-T", "19.90",
                List.of(option("Diamètre", "30 cm", "40 cm"), option("Couleur", "Naturel", "Anthracite")));
        pot.put("categoryId", category);
        pot.put("brand", "Deroma");
        pot.put("description", "Résiste au gel.\nFabriqué en Italie; \"qualité\" garantie.");
        pot.put("tags", List.of("terre cuite", "extérieur"));
        shop.create(pot);
        Map<String, Object> sale = CatalogApi.simple("-20% Engrais universel", "ENG-1", "8.50");
        sale.put("vatRate", 5.5);
        sale.put("unit", "sac de 10 L");
        sale.put("status", "DRAFT");
        Map<String, Object> v = CatalogApi.variant("ENG-1", "8.50");
        v.put("barcode", "3760123456784");
        v.put("compareAtPrice", 10.6);
        v.put("cost", 4.1);
        v.put("weight", 10.5);
        v.put("active", false);
        sale.put("variants", List.of(v));
        shop.create(sale);
        long version = shop.call().get("/api/v1/products?q=engrais").then().extract().jsonPath().getLong("items[0].version");

        String csv = export(shop);
        assertThat(csv).startsWith("\ufeffslug,name,");
        // The header, the fertiliser, and 4 pot variants whose description holds a line break.
        assertThat(csv.lines()).hasSize(1 + 1 + 4 * 2);

        JsonPath again = importCsv(shop, csv, "").then().statusCode(200).extract().jsonPath();
        assertThat(again.getInt("productsUnchanged")).isEqualTo(2);
        assertThat(again.getInt("productsUpdated") + again.getInt("productsCreated")).isZero();
        assertThat(shop.call().get("/api/v1/products?q=engrais").then().extract().jsonPath().getLong("items[0].version"))
                .isEqualTo(version);

        CatalogApi elsewhere = CatalogApi.newShop(port);
        importCsv(elsewhere, csv, "").then().statusCode(200).body("productsCreated", equalTo(2))
                .body("categoriesCreated", equalTo(2));
        assertThat(export(elsewhere)).isEqualTo(csv);

        // French Excel: semicolons, read back the same way.
        String semicolons = new String(shop.call().accept("text/csv").get("/api/v1/products/export.csv?separator=semicolon")
                .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(semicolons).startsWith("\ufeffslug;name;");
        importCsv(shop, semicolons, "?dryRun=true").then().statusCode(200).body("productsUnchanged", equalTo(2));

        // The file for people, in French (semicolons, decimal commas, translated statuses) and in English, reads back.
        String french = people(shop, "fr");
        assertThat(french).startsWith("\ufeffslug;name;").contains(";Brouillon;", ";8,50;");
        importCsv(shop, french, "?dryRun=true").then().statusCode(200).body("productsUnchanged", equalTo(2))
                .body("errors", org.hamcrest.Matchers.empty());
        String english = people(shop, "en");
        assertThat(english).startsWith("\ufeffslug,name,").contains(",Draft,");
        importCsv(shop, english, "?dryRun=true").then().statusCode(200).body("productsUnchanged", equalTo(2));
    }

    private String people(CatalogApi shop, String lang) {
        return new String(shop.call().accept("text/csv").get("/api/v1/products/export.csv?lang=" + lang).then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void theCatalogExportsAsAnExcelFileWithTheSameColumnsAndNumbersAsNumbers() throws java.io.IOException {
        CatalogApi shop = CatalogApi.newShop(port);
        shop.create(CatalogApi.simple("Bêche", "BECHE-1", "16.90"));
        byte[] bytes = shop.call().accept("*/*").get("/api/v1/products/export.xlsx?lang=fr").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml"))
                .extract().asByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            var sheet = workbook.getSheetAt(0);
            List<String> header = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            // A new shop enters its prices with VAT: the price columns say so, as in the CSV.
            assertThat(String.join(",", header) + "\n").isEqualTo(HEADER.replace(",price,", ",price_incl_vat,")
                    .replace(",compare_at_price,", ",compare_at_price_incl_vat,").replace(",active\n",
                            ",active,condition,size,material\n"));
            var row = sheet.getRow(1);
            assertThat(row.getCell(header.indexOf("sku")).getStringCellValue()).isEqualTo("BECHE-1");
            assertThat(row.getCell(header.indexOf("price_incl_vat")).getNumericCellValue()).isEqualTo(16.90);
            assertThat(row.getCell(header.indexOf("status")).getStringCellValue()).isIn("En vente", "Brouillon");
        }
    }

    @Test
    void theSecondHandAttributesGoOutAndComeBackAndAnOlderFileWithoutThemKeepsThem() {
        CatalogApi shop = CatalogApi.newShop(port);
        Map<String, Object> jacket = CatalogApi.simple("Veste Levi's en jean", "VESTE-1", "45");
        jacket.put("brand", "Levi's");
        jacket.put("secondHand", Map.of("condition", "VERY_GOOD", "size", "M", "material", "Denim de coton"));
        String id = shop.create(jacket).path("id");
        String csv = export(shop);
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",active,condition,size,material");
        assertThat(csv).contains(",true,VERY_GOOD,M,Denim de coton");

        // Into another business: the attributes arrive as they left.
        CatalogApi elsewhere = CatalogApi.newShop(port);
        importCsv(elsewhere, csv, "").then().statusCode(200).body("productsCreated", equalTo(1));
        elsewhere.call().get("/api/v1/variants/by-sku/VESTE-1").then().statusCode(200);
        JsonPath copy = elsewhere.call().get("/api/v1/products?q=veste").then().extract().jsonPath();
        assertThat(copy.getString("items[0].secondHand.condition")).isEqualTo("VERY_GOOD");
        assertThat(copy.getString("items[0].secondHand.size")).isEqualTo("M");
        assertThat(copy.getString("items[0].secondHand.material")).isEqualTo("Denim de coton");
        assertThat(export(elsewhere)).isEqualTo(csv);

        // The file for people says the condition in words, and reads back.
        String french = people(shop, "fr");
        assertThat(french).contains(";Très bon état;M;Denim de coton");
        importCsv(shop, french, "?dryRun=true").then().statusCode(200).body("productsUnchanged", equalTo(1))
                .body("errors", org.hamcrest.Matchers.empty());

        // A file of before the columns existed changes the price and leaves the attributes alone.
        importCsv(shop, "sku,price,active\nVESTE-1,49,true\n", "").then().statusCode(200)
                .body("productsUpdated", equalTo(1));
        JsonPath kept = shop.call().get("/api/v1/products/" + id).then().extract().jsonPath();
        assertThat(kept.getFloat("variants[0].price")).isEqualTo(49f);
        assertThat(kept.getString("secondHand.condition")).isEqualTo("VERY_GOOD");
        assertThat(kept.getString("secondHand.material")).isEqualTo("Denim de coton");

        // A label in English is read; a blank size clears it.
        importCsv(shop, "sku,condition,size\nVESTE-1,Good,\n", "").then().statusCode(200);
        JsonPath changed = shop.call().get("/api/v1/products/" + id).then().extract().jsonPath();
        assertThat(changed.getString("secondHand.condition")).isEqualTo("GOOD");
        assertThat(changed.getString("secondHand.size")).isNull();

        // A condition that is none of ours, or a size too long, is an error at its line and column; nothing changes.
        JsonPath bad = importCsv(shop, "sku,price,condition,size\nVESTE-1,49,Comme neuf,"
                + "x".repeat(41) + "\n", "?dryRun=true").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> errors = bad.getList("errors");
        assertThat(errors).extracting(e -> e.get("line") + ":" + e.get("field")).containsExactly("2:condition", "2:size");
        assertThat(bad.getString("errors.find { it.field == 'condition' }.message")).contains("'Comme neuf'");
        assertThat(shop.call().get("/api/v1/products/" + id).then().extract().jsonPath()
                .getString("secondHand.condition")).isEqualTo("GOOD");
    }

    @Test
    void aBadFileIsReportedAtItsFirstLine() {
        CatalogApi shop = CatalogApi.newShop(port);
        importCsv(shop, "nom,prix\nx,1\n", "?dryRun=true").then().statusCode(200)
                .body("errors.field", org.hamcrest.Matchers.hasItems("nom", "prix", "sku"))
                .body("errors[0].line", equalTo(1));
        importCsv(shop, "", "?dryRun=true").then().statusCode(400).body("errors[0].field", equalTo("file"));
        importCsv(shop, "sku,name\n\"A,b\n", "?dryRun=true").then().statusCode(200)
                .body("errors[0].line", equalTo(2)).body("errors[0].message", org.hamcrest.Matchers.containsString("never closed"));
        // A raw text/csv body works too.
        shop.call().contentType("text/csv").body("sku,name,price,vat_rate\nRAW-1,Brut,1,20\n")
                .post("/api/v1/products/import").then().statusCode(200).body("productsCreated", equalTo(1));
    }

    @Test
    void aViewerCanExportButNotImport() {
        String viewer = Api.token(port, "viewer@jardin-des-lilas.demo", Api.DEMO_PASSWORD);
        CatalogApi asViewer = CatalogApi.as(port, viewer);
        asViewer.call().accept("text/csv").get("/api/v1/products/export.csv").then().statusCode(200);
        importCsv(asViewer, HEADER, "?dryRun=true").then().statusCode(403);
    }
}
