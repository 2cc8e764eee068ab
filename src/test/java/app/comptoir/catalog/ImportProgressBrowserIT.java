package app.comptoir.catalog;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import app.comptoir.catalog.application.ProductImports;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.Jobs;
import app.comptoir.platform.Role;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/**
 * Issue #13, in French: a long import shows a progress bar that survives a reload, its button waiting, and
 * the page shows the report by itself when the import ends. The import is held at 40 % by the test (a job
 * of the page's kind, released on cue), so what the merchant sees is checked without racing the work.
 */
@IntegrationTest
class ImportProgressBrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 900);

    @LocalServerPort
    int port;

    @Autowired
    Jobs jobs;

    @Autowired
    ProductImports imports;

    private Page page;

    @BeforeEach
    void openPage() {
        page = browsers.page();
    }

    @Test
    void aLongImportShowsItsProgressBarAcrossAReloadThenItsReport() {
        Account owner = Api.newBusiness(port, "Graineterie du Rhône");
        CountDownLatch release = new CountDownLatch(1);
        UUID job = startHeldImport(owner, release);
        Browsers.signIn(page, owner.email(), owner.password());

        try {
            page.navigate("/app/catalog/import");
            page.waitForURL("**/app/catalog/import?job=" + job);
            assertThat(page.locator("[data-import-job] [data-job-text]")).hasText("En cours : 40 % (4 sur 10)");
            assertThat(page.locator("[data-import-job] [role=progressbar]")).hasAttribute("aria-valuenow", "40");
            assertThat(page.locator("[data-import-submit]")).isDisabled();
            browsers.screenshot("catalog-import-progress");

            page.reload();
            assertThat(page.locator("[data-import-job] [data-job-text]")).hasText("En cours : 40 % (4 sur 10)");
            assertThat(page.locator("[data-import-submit]")).isDisabled();
        } finally {
            release.countDown();
        }
        // The bar polls the job; when it ends, the page reloads itself with the report.
        assertThat(page.locator("[data-import-status=ready]")).isVisible();
        assertThat(page.locator("[data-import-job]")).hasCount(0);
        assertThat(page.locator("[data-count-created]")).hasText("3");
        assertThat(page.locator("[data-import-submit]")).isEnabled();
    }

    private UUID startHeldImport(Account owner, CountDownLatch release) {
        ComptoirPrincipal me = new ComptoirPrincipal(owner.userId(), owner.tenantId(), owner.email(), "Owner",
                Set.of(Role.ADMIN));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(me, null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            return jobs.start("catalog-import", progress -> {
                progress.total(10);
                progress.done(4);
                release.await(2, TimeUnit.MINUTES);
                byte[] csv = "name;sku;price;vat_rate\nRadis;RAD-1;2,10;5,5\nCarotte;CAR-1;2,30;5,5\nPoireau;POI-1;2,90;5,5\n"
                        .getBytes(StandardCharsets.UTF_8);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("report", imports.importCsv(csv, true, false, progress));
                result.put("fileName", "graines.csv");
                result.put("partial", false);
                return result;
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
