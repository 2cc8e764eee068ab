package app.comptoir.storefront.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import app.comptoir.platform.NotFoundException;
import app.comptoir.storefront.application.ShopBusinesses;

/**
 * Gives every page of a shop ({@code /shop/{slug}/…}, any controller of the storefront) what its layout needs besides
 * the "shop" its controller puts in: "links" ({@link ShopPageLinks}), the addresses of the shop's pages in the page's
 * language.
 */
@ControllerAdvice(basePackageClasses = ShopModel.class)
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
            model.addAttribute("links", new ShopPageLinks(links, shops.open(parts[2])));
        } catch (NotFoundException e) {
            // the page answers its own 404
        }
    }
}
