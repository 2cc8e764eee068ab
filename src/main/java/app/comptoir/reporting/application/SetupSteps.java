package app.comptoir.reporting.application;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.ProductQuery;
import app.comptoir.identity.Tenants;
import app.comptoir.identity.Users;
import app.comptoir.inventory.StockFilter;
import app.comptoir.inventory.StockQueries;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;
import app.comptoir.reporting.persistence.GuideDismissals;

/**
 * The first-run guide of a new business: four steps (its details, a first product, a first stock entry,
 * a colleague), each ticked from what the business has done, read through the other modules' published
 * APIs. Shown to whoever may manage the settings until every step is done or the guide is dismissed; demo
 * businesses, already filled in, never show it.
 */
@Service
@Transactional(readOnly = true)
public class SetupSteps {

    /** One step of the guide: its key (message {@code home.guide.<key>}), where to do it, and whether it is done. */
    public record Step(String key, String link, boolean done) {
    }

    /** The guide as the home page shows it; {@code steps} empty when it is not shown. */
    public record Guide(List<Step> steps) {

        public boolean shown() {
            return !steps.isEmpty();
        }

        public long done() {
            return steps.stream().filter(Step::done).count();
        }
    }

    private final Tenants tenants;
    private final CatalogQueries catalog;
    private final StockQueries stock;
    private final Users users;
    private final GuideDismissals dismissals;
    private final TenantContext tenantContext;
    private final Permissions permissions;
    private final Clock clock;

    SetupSteps(Tenants tenants, CatalogQueries catalog, StockQueries stock, Users users, GuideDismissals dismissals,
               TenantContext tenantContext, Permissions permissions, Clock clock) {
        this.tenants = tenants;
        this.catalog = catalog;
        this.stock = stock;
        this.users = users;
        this.dismissals = dismissals;
        this.tenantContext = tenantContext;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** The guide for the signed-in user (five short statements while it shows, one once dismissed). */
    public Guide current() {
        if (!permissions.has(Permission.SETTINGS_MANAGE) || tenants.current().demo()
                || dismissals.dismissed(tenantContext.requireTenant())) {
            return new Guide(List.of());
        }
        List<Step> steps = List.of(
                new Step("details", "/app/settings", tenants.settingsSaved()),
                new Step("product", "/app/catalog/products/new", catalog.search(ProductQuery.all(0, 1)).total() > 0),
                new Step("stock", "/app/inventory/stock", stock.levels(
                        new StockFilter(null, null, null, null), 0, 1).total() > 0),
                new Step("colleague", "/app/users/invite", users.list(null, null, null, 0, 2, null).total() > 1));
        return steps.stream().allMatch(Step::done) ? new Guide(List.of()) : new Guide(steps);
    }

    /** Hides the guide for the whole business (those who may manage the settings: ADMIN by default). */
    @Transactional
    public void dismiss() {
        permissions.require(Permission.SETTINGS_MANAGE);
        dismissals.dismiss(tenantContext.requireTenant(),
                tenantContext.principal().map(p -> p.userId()).orElse(null), clock.instant());
    }
}
