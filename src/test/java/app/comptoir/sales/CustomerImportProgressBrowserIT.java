package app.comptoir.sales;

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

import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.Jobs;
import app.comptoir.platform.Role;
import app.comptoir.sales.application.CustomerImports;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/**
 * Issue #13, in French: a customer import shows a progress bar that survives a reload, its button waiting, and
 * the page shows the per-line report by itself when the import ends, as the product import does. The import is
 * held at 40 % by the test (a job of the page's kind, released on cue), so nothing races the work.
 */
@IntegrationTest
class CustomerImportProgressBrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 900);

    @LocalServerPort
    int port;

    @Autowired
    Jobs jobs;

    @Autowired
    CustomerImports imports;

    private Page page;

    @BeforeEach
    void openPage() {
        page = browsers.page();
    }

    @Test
    void aLongCustomerImportShowsItsProgressBarAcrossAReloadThenItsReport() {
        Account owner = Api.newBusiness(port, "Pépinière du Lac");
        CountDownLatch release = new CountDownLatch(1);
        UUID job = startHeldImport(owner, release);
        Browsers.signIn(page, owner.email(), owner.password());

        try {
            page.navigate("/app/sales/customers/import");
            page.waitForURL("**/app/sales/customers/import?job=" + job);
            assertThat(page.locator("[data-import-job] [data-job-text]")).hasText("En cours : 40 % (4 sur 10)");
            assertThat(page.locator("[data-import-job] [role=progressbar]")).hasAttribute("aria-valuenow", "40");
            assertThat(page.locator("[data-import-submit]")).isDisabled();

            page.reload();
            assertThat(page.locator("[data-import-job] [data-job-text]")).hasText("En cours : 40 % (4 sur 10)");
            assertThat(page.locator("[data-import-submit]")).isDisabled();
            browsers.screenshot("customer-import-progress");
        } finally {
            release.countDown();
        }
        // The bar polls the job; when it ends, the page reloads itself with the report, line by line.
        assertThat(page.locator("[data-import-status=invalid]")).isVisible();
        assertThat(page.locator("[data-import-job]")).hasCount(0);
        assertThat(page.locator("[data-import-errors] tbody tr")).hasCount(1);
        assertThat(page.locator("[data-import-errors] tr[data-line='3'] code")).hasText("email");
        assertThat(page.locator("[data-import-submit]")).isEnabled();
    }

    private UUID startHeldImport(Account owner, CountDownLatch release) {
        ComptoirPrincipal me = new ComptoirPrincipal(owner.userId(), owner.tenantId(), owner.email(), "Owner",
                Set.of(Role.ADMIN));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(me, null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            return jobs.start("customer-import", progress -> {
                progress.total(10);
                progress.done(4);
                release.await(2, TimeUnit.MINUTES);
                byte[] csv = "nom;e-mail\nMme Rose;rose@example.com\nM. Vert;pas-un-mail\n"
                        .getBytes(StandardCharsets.UTF_8);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("report", imports.importCsv(csv, true));
                result.put("fileName", "clients.csv");
                return result;
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
