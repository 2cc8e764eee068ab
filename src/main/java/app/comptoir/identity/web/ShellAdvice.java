package app.comptoir.identity.web;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.identity.application.Operators;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.NavigationItem;
import app.comptoir.platform.PageController;
import app.comptoir.platform.TenantContext;

/**
 * Gives every page of a signed-in user what the back-office shell shows: the user, their tenant, the
 * tenant's time zone (dates are shown in it) and the navigation entries they may see.
 *
 * <p>It lives in the identity module because the tenant's enabled modules and the user's roles are
 * identity data; the entries themselves are {@link NavigationItem} beans contributed by each module.
 */
@ControllerAdvice(annotations = PageController.class)
class ShellAdvice {

    private final TenantContext tenantContext;
    private final Tenants tenants;
    private final BusinessTime businessTime;
    private final ObjectProvider<NavigationItem> items;
    private final Operators operators;

    ShellAdvice(TenantContext tenantContext, Tenants tenants, BusinessTime businessTime,
                ObjectProvider<NavigationItem> items, Operators operators) {
        this.operators = operators;
        this.tenantContext = tenantContext;
        this.tenants = tenants;
        this.businessTime = businessTime;
        this.items = items;
    }

    /**
     * The most entries the top bar holds beside the administration menu: eight fit a 1280 px laptop in French (the
     * longest labels). With more, the first seven by order stay and the rest go behind one "Plus" menu, decided here
     * rather than measured in the browser, so that the bar never reflows after it is drawn.
     */
    static final int TOP_BAR_ENTRIES = 8;

    /** One entry of the navigation as the page renders it. */
    record NavLink(String labelKey, String path, boolean active, boolean administration) {
    }

    @ModelAttribute
    void shell(Model model, HttpServletRequest request) {
        ComptoirPrincipal me = tenantContext.principal().orElse(null);
        if (me == null) {
            return;
        }
        TenantProfile tenant = tenants.current();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        List<NavigationItem> visible = items.orderedStream()
                .filter(item -> item.visibleTo(me.roles(), tenant.enabledModules()))
                // A registered supplier sees only its supplier space (and the administration); a merchant never sees it.
                .filter(item -> tenant.supplier() ? item.supplierSpace() || item.administration() : !item.supplierSpace())
                .sorted(Comparator.comparingInt(NavigationItem::order))
                .toList();
        NavigationItem current = current(visible, path);
        List<NavLink> navigation = visible.stream()
                .map(item -> new NavLink(item.labelKey(), item.path(), item == current, item.administration()))
                .toList();
        model.addAttribute("currentUser", me);
        model.addAttribute("currentRoles", me.roles().stream().sorted().toList());
        model.addAttribute("tenant", tenant);
        model.addAttribute("zone", businessTime.zone());
        // Administration pages share one menu so that the French top bar fits a 1280 px screen; so do the entries
        // beyond the bar's room, under "Plus" (on a phone too, where the bar opens as a list).
        List<NavLink> bar = navigation.stream().filter(link -> !link.administration()).toList();
        int kept = bar.size() <= TOP_BAR_ENTRIES ? bar.size() : TOP_BAR_ENTRIES - 1;
        model.addAttribute("navigation", bar.subList(0, kept));
        model.addAttribute("more", bar.subList(kept, bar.size()));
        model.addAttribute("administration", navigation.stream().filter(NavLink::administration).toList());
        model.addAttribute("operatorConsole", operators.isOperator(me));
        model.addAttribute("operatorPage", path.startsWith("/operator"));
    }

    /**
     * The entry the page belongs to: the one whose path is the longest prefix of the page's, else, among the top
     * bar's entries, the one whose section ({@code /app/<section>}) is (Achats opens on its orders but also covers
     * its suppliers). The dashboard ({@code /app}) is the prefix of every page, so it is current only on itself.
     */
    static NavigationItem current(List<NavigationItem> items, String path) {
        NavigationItem best = null;
        int bestScore = 0;
        for (NavigationItem item : items) {
            int score = matchLength(item, path);
            if (score > bestScore) {
                best = item;
                bestScore = score;
            }
        }
        return best;
    }

    private static int matchLength(NavigationItem item, String path) {
        String itemPath = item.path();
        if (path.equals(itemPath)) {
            return Integer.MAX_VALUE;
        }
        if (itemPath.equals("/app")) {
            return 0;
        }
        if (path.startsWith(itemPath + "/")) {
            return 2 * itemPath.length() + 1; // a path beats a section as long
        }
        if (item.administration()) {
            return 0; // administration pages are reached one by one (the e-mail log is not the notification centre)
        }
        int sectionEnd = itemPath.indexOf('/', "/app/".length());
        String section = sectionEnd < 0 ? itemPath : itemPath.substring(0, sectionEnd);
        return path.equals(section) || path.startsWith(section + "/") ? 2 * section.length() : 0;
    }
}
