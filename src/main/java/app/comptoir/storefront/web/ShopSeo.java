package app.comptoir.storefront.web;

/**
 * What the head of a shop page tells search engines and link previews: the description, the canonical address, the
 * page's addresses in French and in English ({@code hreflang}), its Open Graph type and picture, and its schema.org
 * data (JSON-LD, already escaped for a {@code <script>} data block), each null when the page has none. A shop page
 * without one (account, cart, checkout) is not indexed.
 */
record ShopSeo(String description, String canonical, String french, String english, String defaultUrl,
               String ogType, String image, String jsonLd) {
}
