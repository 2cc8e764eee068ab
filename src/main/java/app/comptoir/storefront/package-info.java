/**
 * Storefront: the public shop of a business ({@code /shop/{slug}}) and its headless store API
 * ({@code /api/v1/store/{slug}}): catalog pages, search, product pages with their variants, the shop's own customer
 * accounts (shoppers, apart from staff users), carts, checkout into a sales order, and each shopper's orders.
 *
 * <p>The root package is the published API only: its events, for notifications' e-mails ({@link ShopperRegistered},
 * {@link ShopperVerificationRequested}, {@link ShopperPasswordResetRequested}). Internals follow the module
 * template: {@code web} (shop pages and store API), {@code application} (services), {@code domain} (the cart's and
 * delivery's rules, framework-free), {@code persistence} (every SQL text) and {@code demo}. It reads the catalog and
 * stock, and places orders and links shoppers to customers through the sales module's API; online payment goes
 * through the payments module's API. A search whose words find few products is widened by meaning, and a product
 * page shows its similar products, through the assistant's {@code SemanticSearch}. A signed-in shopper talks with the
 * assistant ({@code /shop/{slug}/assistant}): the storefront implements the assistant's {@code ShopperShop} port for
 * that shopper (the shop's catalog, their orders and cart, the shop's checkout).
 *
 * <p>The customer accounts are shared: a business without a shop but with inspections opens them to its motorists
 * ({@code /shop/{slug}/account/inspections}), who find their vehicles' inspections and documents there through
 * inspections' published {@code MotoristInspections}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Storefront",
        allowedDependencies = {"platform", "identity", "catalog", "inventory", "sales", "payments", "assistant",
                "inspections"})
package app.comptoir.storefront;
