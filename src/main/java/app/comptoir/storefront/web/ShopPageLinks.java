package app.comptoir.storefront.web;

import java.util.UUID;

import app.comptoir.catalog.ProductImageView;
import app.comptoir.storefront.application.ShopBusiness;

/**
 * The addresses of one shop's pages for its templates, in the model as {@code links}
 * ({@code th:href="${links.product(item.id)}"}): Thymeleaf refuses bean references ({@code @bean}) in link
 * attributes, so templates get this object instead of {@link ShopLinks} itself. Every page of a shop has it (added
 * by {@link ShopModel} for the shop's page controllers).
 */
public record ShopPageLinks(ShopLinks links, ShopBusiness shop) {

    public String home() {
        return links.home(shop);
    }

    public String to(String path) {
        return links.to(shop, path);
    }

    public String category(UUID categoryId) {
        return links.category(shop, categoryId);
    }

    public String product(UUID productId) {
        return links.product(shop, productId);
    }

    public String search() {
        return links.search(shop);
    }

    public String tag(String tag) {
        return links.tag(shop, tag);
    }

    public String picture(UUID productId, UUID imageId, boolean thumb) {
        return links.picture(shop, productId, imageId, thumb);
    }

    public String srcset(UUID productId, ProductImageView image) {
        return links.srcset(shop, productId, image);
    }

    /** The {@code lang} the page's links and forms carry, or null in the business's language. */
    public String lang() {
        return links.lang(shop);
    }
}
