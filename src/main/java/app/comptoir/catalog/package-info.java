/**
 * The catalog: products and their variants (SKU, barcode, price, VAT), categories, tags, images,
 * search, and CSV import and export.
 *
 * <p>The root package is the API other modules use: {@link app.comptoir.catalog.CatalogQueries} and
 * {@link app.comptoir.catalog.CatalogFigures} with their views (a product's second-hand attributes:
 * {@link app.comptoir.catalog.SecondHandAttributes}, {@link app.comptoir.catalog.ItemCondition}),
 * {@link app.comptoir.catalog.CatalogStock},
 * the {@link app.comptoir.catalog.StockAvailability} port the inventory implements, and the
 * {@link app.comptoir.catalog.ProductChanged} event. Inside: {@code web} (API and page controllers),
 * {@code application} (the use cases: {@code Products}, {@code Categories}, {@code ProductImages},
 * {@code ProductImports}, {@code ProductExports}, and the list cache), {@code domain} (the product
 * aggregate and its rules), {@code persistence} (every SQL text and repository) and {@code demo}.
 * The catalog uses the platform and only listens to identity ({@code TenantCreated}, for demo data).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog", allowedDependencies = { "platform", "identity" })
package app.comptoir.catalog;
