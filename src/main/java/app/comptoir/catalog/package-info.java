/**
 * The catalog: products and their variants (SKU, barcode, price, VAT), categories, tags, images,
 * search, and CSV import and export. The root package is the API other modules use
 * ({@link app.comptoir.catalog.CatalogQueries}, the views and the events); sub-packages are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package app.comptoir.catalog;
