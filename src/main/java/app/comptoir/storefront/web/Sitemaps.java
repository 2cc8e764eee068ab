package app.comptoir.storefront.web;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

import app.comptoir.catalog.CategoryNode;
import app.comptoir.storefront.application.ShopBusiness;
import app.comptoir.storefront.application.ShopCard;

/**
 * A shop's sitemap (sitemaps.org): the home page, every category with active products and every active product,
 * each at its address in the business's language with its twin in the other language ({@code xhtml:link}
 * alternates, as search engines read them), products with the day they last changed.
 */
final class Sitemaps {

    private Sitemaps() {
    }

    static String xml(ShopBusiness shop, ShopLinks links, List<CategoryNode> categories, List<ShopCard> products) {
        StringBuilder xml = new StringBuilder(256 + 600 * (products.size() + 1));
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" ")
                .append("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        url(xml, shop, links, "", null);
        categories(xml, shop, links, categories);
        for (ShopCard product : products) {
            url(xml, shop, links, "/products/" + product.id(), ShopPages.isoDate(product.updatedAt()));
        }
        return xml.append("</urlset>\n").toString();
    }

    private static void categories(StringBuilder xml, ShopBusiness shop, ShopLinks links, List<CategoryNode> nodes) {
        for (CategoryNode node : nodes) {
            url(xml, shop, links, "/categories/" + node.id(), null);
            categories(xml, shop, links, node.children());
        }
    }

    private static void url(StringBuilder xml, ShopBusiness shop, ShopLinks links, String path, String lastModified) {
        xml.append("  <url>\n    <loc>").append(escape(links.absolute(shop, path, ShopLanguage.defaultLocale(shop))))
                .append("</loc>\n");
        if (lastModified != null) {
            xml.append("    <lastmod>").append(lastModified).append("</lastmod>\n");
        }
        for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
            xml.append("    <xhtml:link rel=\"alternate\" hreflang=\"").append(locale.getLanguage()).append("\" href=\"")
                    .append(escape(links.absolute(shop, path, locale))).append("\"/>\n");
        }
        xml.append("  </url>\n");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
