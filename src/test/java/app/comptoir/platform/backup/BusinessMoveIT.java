package app.comptoir.platform.backup;

import static app.comptoir.platform.backup.BackupRestoreIT.command;
import static app.comptoir.platform.backup.BackupRestoreIT.settingsOf;
import static app.comptoir.platform.backup.BackupRestoreIT.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import io.restassured.path.json.JsonPath;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.db.MaintenanceDatabase;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * A business made through the API (a product with a picture, stock received, a confirmed order), exported through the command line's
 * {@code export-business} and imported with {@code import-business} into a new deployment (a fresh embedded
 * database migrated by Flyway): the business's rows of every table are there with the same count and checksum
 * (computed here with SQL), its pictures with the same bytes, its order numbers go on where they were; no row of
 * another business is in the export; a second import is refused. A business linked to a registered supplier (another
 * business of the deployment it leaves) is refused, and nothing of it is written.
 */
@IntegrationTest
class BusinessMoveIT {

    @Autowired
    ComptoirProperties properties;

    @TempDir
    Path work;

    @LocalServerPort
    int port;

    @Test
    void aBusinessExportedFromOneDeploymentIsImportedIntoAnotherWithEveryRowAndFile() throws Exception {
        Account admin = Api.newBusiness(port, "Quincaillerie du Port");
        UUID tenant = admin.tenantId();
        String slug = admin.tenantSlug();
        JsonPath product = Api.as(port, admin).body(Map.of("name", "Marteau", "vatRate", 20, "status", "ACTIVE",
                        "variants", List.of(Map.of("sku", "MAR-1", "price", new BigDecimal("12.50")))))
                .post("/api/v1/products").then().statusCode(201).extract().jsonPath();
        String variant = product.getString("variants[0].id");
        Api.as(port, admin).body(Map.of("variantId", variant, "type", "RECEIPT", "quantity", 40))
                .post("/api/v1/stocks/movements").then().statusCode(201);
        Api.as(port, admin).contentType("multipart/form-data").multiPart("file", "marteau.png", png(), "image/png")
                .post("/api/v1/products/" + product.getString("id") + "/images").then().statusCode(201);
        String order = Api.as(port, admin).body(Map.of("customer", Map.of("name", "M. Martin", "phone", "0612345678"),
                        "lines", List.of(Map.of("variantId", variant, "quantity", 3))))
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        Api.as(port, admin).post("/api/v1/orders/" + order + "/confirm").then().statusCode(200);
        String linkedSlug;
        List<UUID> others = new ArrayList<>();
        Map<String, String> original;
        try (MaintenanceDatabase db = MaintenanceDatabase.open(properties, false, null, null); Connection c = db.connect();
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    select t.slug from tenants t
                    where exists (select 1 from suppliers r where r.tenant_id = t.id and r.registered_tenant_id is not null)
                    order by (select count(*) from sales_orders o where o.tenant_id = t.id), t.slug limit 1""")) {
                rs.next();
                linkedSlug = rs.getString(1);
            }
            try (ResultSet rs = s.executeQuery("select id from tenants where id <> '" + tenant + "'")) {
                while (rs.next()) {
                    others.add(rs.getObject(1, UUID.class));
                }
            }
            original = checksumsWithSql(c, tenant);
        }
        assertThat(others).as("other businesses in the suite's deployment").isNotEmpty();
        Path export = work.resolve("export");
        assertThat(BackupCommand.run(command("export-business", export, properties.dataDir(), slug))).isZero();

        BusinessMoves.BusinessManifest manifest = BusinessMoves.readVerified(export);
        assertThat(manifest.tenantId()).isEqualTo(tenant);
        Map<String, String> exported = new LinkedHashMap<>();
        manifest.tables().forEach(t -> exported.put(t.table(), t.rows() + " " + t.md5()));
        assertThat(exported).as("every carried table, counted and summed at the export").isEqualTo(original);
        assertThat(exported.get("products")).startsWith("1 ");
        assertThat(exported.get("stock_levels")).startsWith("1 ");
        assertThat(exported.get("stock_movements")).doesNotStartWith("0 ");
        assertThat(exported.get("sales_orders")).startsWith("1 ");
        assertThat(exported.get("product_images")).startsWith("1 ");
        assertThat(exported.get("users")).startsWith("1 ");
        assertThat(manifest.sequences()).as("the order numbers given out").isNotEmpty();
        assertThat(exported).doesNotContainKeys("refresh_tokens", "jobs", "event_publication");
        try (Stream<Path> rows = Files.list(export.resolve("tables"))) {
            for (Path file : rows.toList()) {
                String text = Files.readString(file);
                for (UUID other : others) {
                    assertThat(text).as("%s holds no row of another business", file.getFileName())
                            .doesNotContain("\"tenant_id\": \"" + other + "\"");
                }
            }
        }
        List<Manifest.FileEntry> files = manifest.files().stream().filter(f -> f.path().startsWith("files/")).toList();
        assertThat(files).as("the picture and its thumbnail, under the business's own folder").hasSize(2)
                .allMatch(f -> f.path().startsWith("files/images/" + tenant + "/"));

        Path target = work.resolve("new-deployment");
        migrate(target);
        Path linked = work.resolve("linked-export");
        assertThat(BackupCommand.run(command("export-business", linked, properties.dataDir(), linkedSlug))).isZero();
        assertThatThrownBy(() -> movesInto(target).importFrom(linked))
                .isInstanceOf(BackupRefusedException.class)
                .hasMessageContaining("rows of the export refer to rows it does not bring")
                .hasMessageContaining("suppliers.suppliers_registered_tenant_id_fkey (");
        try (MaintenanceDatabase db = MaintenanceDatabase.open(settingsOf(target), false, null, null);
             Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select (select count(*) from tenants) + (select count(*) from products)")) {
            rs.next();
            assertThat(rs.getLong(1)).as("nothing written by the refused import").isZero();
        }

        assertThat(BackupCommand.run(command("import-business", export, target))).isZero();

        try (MaintenanceDatabase db = MaintenanceDatabase.open(settingsOf(target), false, null, null);
             Connection c = db.connect()) {
            assertThat(checksumsWithSql(c, tenant)).isEqualTo(original);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select count(*) from tenants where id <> '" + tenant + "'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("only the imported business").isZero();
            }
            for (String sequence : manifest.sequences().keySet()) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select nextval('" + sequence + "')")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("the next number of %s", sequence)
                            .isEqualTo(manifest.sequences().get(sequence) + 1);
                }
            }
        }
        for (Manifest.FileEntry file : files) {
            Path copy = target.resolve(file.path().substring("files/".length()));
            assertThat(sha256(copy)).as(file.path())
                    .isEqualTo(sha256(properties.dataDir().resolve(file.path().substring("files/".length()))));
        }

        assertThatThrownBy(() -> movesInto(target).importFrom(export))
                .isInstanceOf(BackupRefusedException.class)
                .hasMessageContaining("this deployment already has the business " + slug);
        assertThat(BackupCommand.run(command("import-business", export, target))).isEqualTo(1);
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0x3C8C3C);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private BusinessMoves movesInto(Path dataDir) {
        return new BusinessMoves(settingsOf(dataDir), new BackupProperties(work.resolve("no-backups"), null, null, null,
                new BackupProperties.Schedule(false, null, 7, 4)), false, "test", Clock.systemUTC());
    }

    /** A new deployment's database: an embedded PostgreSQL in {@code dataDir} with the application's schema. */
    private static void migrate(Path dataDir) throws Exception {
        try (MaintenanceDatabase db = MaintenanceDatabase.open(settingsOf(dataDir), false, null, null)) {
            String appPassword = Files.readString(dataDir.resolve("postgres.secret")).trim();
            Flyway.configure().dataSource("jdbc:postgresql://localhost:" + db.port() + "/" + db.database(),
                            db.appRole(), appPassword)
                    .locations("classpath:db/migration")
                    .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                    .load().migrate();
        }
    }

    /** The business's rows of every table it has rows in or that has a tenant_id: count and MD5, with SQL alone. */
    private static Map<String, String> checksumsWithSql(Connection c, UUID tenant) throws Exception {
        Map<String, String> checksums = new LinkedHashMap<>();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set local TimeZone = 'UTC'");
            s.execute("set local extra_float_digits = 1");
            List<String> tables = new ArrayList<>(List.of("tenants"));
            try (ResultSet rs = s.executeQuery("""
                    select c.table_name from information_schema.columns c
                    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                    where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
                    order by c.table_name collate "C"
                    """)) {
                while (rs.next()) {
                    if (!BusinessMoves.NOT_CARRIED.contains(rs.getString(1))) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            for (String table : tables) {
                try (PreparedStatement p = c.prepareStatement("select count(*), coalesce(md5(string_agg(t::text, E'\\n'"
                        + " order by t::text collate \"C\")), md5('')) from " + table + " t where "
                        + (table.equals("tenants") ? "id" : "tenant_id") + " = ?")) {
                    p.setObject(1, tenant);
                    try (ResultSet rs = p.executeQuery()) {
                        rs.next();
                        checksums.put(table, rs.getLong(1) + " " + rs.getString(2));
                    }
                }
            }
        }
        c.rollback();
        c.setAutoCommit(true);
        return checksums;
    }
}
