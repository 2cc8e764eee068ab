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

    ShellAdvice(TenantContext tenantContext, Tenants tenants, BusinessTime businessTime,
                ObjectProvider<NavigationItem> items) {
        this.tenantContext = tenantContext;
        this.tenants = tenants;
        this.businessTime = businessTime;
        this.items = items;
    }

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
        String active = activePath(visible.stream().map(NavigationItem::path).toList(), path);
        List<NavLink> navigation = visible.stream()
                .map(item -> new NavLink(item.labelKey(), item.path(), item.path().equals(active), item.administration()))
                .toList();
        model.addAttribute("currentUser", me);
        model.addAttribute("currentRoles", me.roles().stream().sorted().toList());
        model.addAttribute("tenant", tenant);
        model.addAttribute("zone", businessTime.zone());
        // Administration pages share one menu so that the French top bar fits a 1280 px screen.
        model.addAttribute("navigation", navigation.stream().filter(link -> !link.administration()).toList());
        model.addAttribute("administration", navigation.stream().filter(NavLink::administration).toList());
    }

    /**
     * The path of the one entry the page belongs to, or null: the entry with the longest path that is the page's
     * or a prefix of it, so that an entry inside another's path wins on its pages (deliveries in sales, the
     * supplier's orders in its space, whose dashboard is {@code /app/supplier}). The dashboard ({@code /app}) is the
     * prefix of every page, so it is active only on itself.
     */
    static String activePath(List<String> itemPaths, String path) {
        return itemPaths.stream()
                .filter(item -> path.equals(item) || (!item.equals("/app") && path.startsWith(item + "/")))
                .max(Comparator.comparingInt(String::length)).orElse(null);
    }
}
