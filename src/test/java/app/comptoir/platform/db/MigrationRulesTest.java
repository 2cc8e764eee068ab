package app.comptoir.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Migrations written from now on (after V53) can run while the previous version still serves: no index built
 * without {@code CONCURRENTLY} on an existing table, no {@code NOT NULL} column added without a default, no column
 * type change, no {@code SET NOT NULL}, no rename, no drop, no backfill of an existing table inside the migration
 * (expand/contract, operator guide "Upgrades without downtime").
 * The older ones are left as they are: they ran long ago on every deployment.
 */
class MigrationRulesTest {

    /** The last migration written before the rules; later ones are checked. */
    private static final int LAST_UNCHECKED = 53;

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern VERSION = Pattern.compile("V(\\d+)(?:[._]\\d+)*__.*\\.sql");

    @Test
    void everyMigrationAfterV53KeepsTheExpandContractRules() throws IOException {
        Map<String, List<String>> broken = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.sorted().toList()) {
                Matcher version = VERSION.matcher(file.getFileName().toString());
                if (version.matches() && Integer.parseInt(version.group(1)) > LAST_UNCHECKED) {
                    List<String> violations = MigrationRules.violations(Files.readString(file, StandardCharsets.UTF_8));
                    if (!violations.isEmpty()) {
                        broken.put(file.getFileName().toString(), violations);
                    }
                }
            }
        }
        assertThat(broken).as("migrations that would lock or break the running version during a rolling upgrade; "
                + "split them (expand/contract), or mark a judged statement with "
                + "'-- zero-downtime: reviewed <why>'").isEmpty();
    }

    @Test
    void theMigrationsFolderIsWhereTheRulesLook() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            assertThat(files.map(f -> f.getFileName().toString())).contains("V53__channel_marketplace_lists.sql");
        }
    }

    @Test
    void anIndexOnAnExistingTableIsBuiltConcurrentlyInAMigrationOfItsOwn() {
        assertThat(MigrationRules.violations("create index orders_placed on orders (tenant_id, placed_at);"))
                .singleElement().asString().contains("without concurrently", "orders");
        assertThat(MigrationRules.violations("CREATE UNIQUE INDEX IF NOT EXISTS x\n  ON public.orders (tenant_id, number);"))
                .singleElement().asString().contains("without concurrently");
        assertThat(MigrationRules.violations(
                "create index concurrently if not exists orders_placed on orders (tenant_id, placed_at);")).isEmpty();
        assertThat(MigrationRules.violations("""
                create index concurrently orders_placed on orders (tenant_id, placed_at);
                alter table orders add column note text;
                """)).singleElement().asString().contains("must hold nothing else");
    }

    @Test
    void aTableCreatedInTheSameMigrationMayBeIndexedAndAlteredFreely() {
        assertThat(MigrationRules.violations("""
                create table if not exists gift_cards (id uuid primary key, tenant_id uuid not null, code text);
                create index gift_cards_tenant on gift_cards (tenant_id);
                alter table gift_cards add column balance numeric(14,2) not null;
                alter table gift_cards alter column code type varchar(40);
                """)).isEmpty();
    }

    @Test
    void aNotNullColumnNeedsADefaultAndNullableOnesAreFine() {
        assertThat(MigrationRules.violations("alter table orders add column weight numeric(10,3) not null;"))
                .singleElement().asString().contains("not null without a default", "orders");
        assertThat(MigrationRules.violations("alter table orders add column if not exists weight numeric(10,3) not null "
                + "default 0, add column note text;")).isEmpty();
        assertThat(MigrationRules.violations("alter table orders add column note text, add constraint c check (true) not valid;"))
                .isEmpty();
    }

    @Test
    void typeChangesSetNotNullAndRenamesAreRefused() {
        assertThat(MigrationRules.violations("alter table orders alter column note type varchar(500);"))
                .singleElement().asString().contains("type change");
        assertThat(MigrationRules.violations("ALTER TABLE orders ALTER note SET DATA TYPE text;"))
                .singleElement().asString().contains("type change");
        assertThat(MigrationRules.violations("alter table orders alter column note set not null;"))
                .singleElement().asString().contains("set not null");
        assertThat(MigrationRules.violations("alter table orders rename column note to remark;"))
                .singleElement().asString().contains("rename");
        assertThat(MigrationRules.violations("alter table orders rename to purchases;"))
                .singleElement().asString().contains("rename");
        assertThat(MigrationRules.violations("alter index orders_placed rename to orders_by_date;"))
                .singleElement().asString().contains("rename");
    }

    @Test
    void dropsAndBackfillsOfExistingTablesWaitForAReview() {
        assertThat(MigrationRules.violations("alter table stock_levels drop column alert_open;"))
                .singleElement().asString().contains("drop column", "stock_levels");
        assertThat(MigrationRules.violations("drop table if exists old_alerts;"))
                .singleElement().asString().contains("drop table");
        assertThat(MigrationRules.violations("update stock_levels l set open_alerts = '{}' where l.alert_open;"))
                .singleElement().asString().contains("backfill", "stock_levels");
        assertThat(MigrationRules.violations("delete from only sessions where expires_at < now();"))
                .singleElement().asString().contains("sessions");
        assertThat(MigrationRules.violations("""
                create table gift_cards (id uuid primary key, code text);
                insert into gift_cards values (gen_random_uuid(), 'A');
                update gift_cards set code = upper(code);
                alter table gift_cards drop column code;
                """)).isEmpty();
        assertThat(MigrationRules.violations("alter table orders alter column note drop not null, drop constraint c;"))
                .isEmpty();
    }

    @Test
    void aReviewedStatementIsLeftAloneButOnlyWithAReason() {
        assertThat(MigrationRules.violations("""
                -- zero-downtime: reviewed the table holds one row per business (a few thousand at most)
                create index business_settings_theme on business_settings (theme);
                create index orders_note on orders (note);
                """)).singleElement().asString().contains("orders_note", "orders");
        assertThat(MigrationRules.violations("""
                -- zero-downtime: reviewed
                create index orders_note on orders (note);
                """)).hasSize(1);
    }

    @Test
    void commentsQuotesAndFunctionBodiesAreNotMistakenForStatements() {
        assertThat(MigrationRules.violations("""
                -- we used to create index x on orders (note); not any more
                /* alter table orders rename to purchases; */
                insert into notes (text) values ('alter table orders alter column note type text; rename');
                create function touch() returns trigger language plpgsql as $$
                begin new.updated_at = now(); return new; end $$;
                """)).isEmpty();
        assertThat(MigrationRules.violations("""
                do $body$ begin
                  alter table orders rename column note to remark;
                end $body$;
                """)).singleElement().asString().contains("rename");
    }
}
