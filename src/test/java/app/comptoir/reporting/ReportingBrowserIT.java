package app.comptoir.reporting;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/** The stock statistics of the demo garden shop in Debian's headless chromium. */
@IntegrationTest
class ReportingBrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 900);

    @Test
    void theDemoShopsDashboardAndStockStatisticsDrawTheirCharts() {
        Page page = browsers.page();
        Browsers.signIn(page, "manager@jardin-des-lilas.demo", Api.DEMO_PASSWORD);

        page.locator("[data-navigation]").getByText("Statistiques").click();
        page.waitForURL("**/app/reporting");
        // The sales dashboard first, then its stock tab.
        for (String chart : new String[] {"sales", "orders", "stock"}) {
            assertThat(page.locator("canvas[data-chart-id='" + chart + "']")).hasAttribute("data-drawn", "true");
        }
        // In French: days as "6 nov. 2026" rather than 2026-11-06, amounts on the axis as "20 000 €" rather than 20,000.
        // A day's sales are net of its returns, so a day with more returned than sold goes below zero ("-2 000 €").
        @SuppressWarnings("unchecked")
        java.util.Map<String, java.util.List<String>> sales = (java.util.Map<String, java.util.List<String>>) page.evaluate("""
                () => { const chart = Chart.getChart(document.querySelector("canvas[data-chart-id='sales']"));
                        return {days: chart.data.labels, ticks: chart.scales.y.ticks.map(t => String(t.label))}; }""");
        org.assertj.core.api.Assertions.assertThat(sales.get("days")).isNotEmpty()
                .allMatch(day -> day.matches("\\d{1,2} \\p{L}+\\.? \\d{4}"), "a day written the French way");
        org.assertj.core.api.Assertions.assertThat(sales.get("ticks")).isNotEmpty()
                .allMatch(tick -> tick.matches("[-\u2212]?[0-9\u202f\u00a0 ]+\u00a0€"), "an amount written the French way")
                .anyMatch(tick -> tick.contains("\u202f"));
        browsers.screenshot("reporting-dashboard");
        page.locator("[data-reporting-tabs]").getByText("Stock").click();
        page.waitForURL("**/app/reporting/stock");

        // Chart.js ran under the page's Content-Security-Policy and drew every chart.
        for (String chart : new String[] {"status", "flows", "categories"}) {
            assertThat(page.locator("canvas[data-chart-id='" + chart + "']")).hasAttribute("data-drawn", "true");
        }
        assertThat(page.locator("[data-kpi='units']")).not().hasText("0");
        assertThat(page.locator("[data-table='categories'] tbody tr").first()).isVisible();

        page.getByLabel("Mouvements sur").selectOption("7");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Afficher")).click();
        page.waitForURL("**/app/reporting/stock?days=7**");
        assertThat(page.locator("h2").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("(7 jours)"))).isVisible();
        browsers.screenshot("reporting-stock");
    }
}
