package app.comptoir.storefront.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import app.comptoir.platform.NotFoundException;
import app.comptoir.storefront.application.ShopBusinesses;

/**
 * Gives every page of a shop ({@code /shop/{slug}/…}, the storefront's page controllers) what its layout needs besides
 * the "shop" its controller puts in: "links" ({@link ShopPageLinks}), the addresses of the shop's pages in the page's
 * language. Named one by one: applied to the whole package, it also ran for every call of the store API (a model
 * method per request, some 3 % of a product list's time), which has no page to lay out.
 */
@ControllerAdvice(assignableTypes = {ShopPages.class, ShopCartPages.class, ShopCheckoutPages.class,
        ShopAccountPages.class, ShopAssistantPages.class, ShopMotoristPages.class})
class ShopModel {

    private final ShopBusinesses shops;
    private final ShopLinks links;

    ShopModel(ShopBusinesses shops, ShopLinks links) {
        this.shops = shops;
        this.links = links;
    }

    @ModelAttribute
    void links(Model model, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/shop/")) {
            return;
        }
        String[] parts = path.split("/");
        if (parts.length < 3) {
            return;
        }
        try {
            model.addAttribute("links", new ShopPageLinks(links, shops.accounts(parts[2])));
        } catch (NotFoundException e) {
            // the page answers its own 404
        }
    }
}
