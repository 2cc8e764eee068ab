package app.comptoir.purchasing.web;

/** The form that adds a variant to what a supplier supplies: the catalog's SKU and the supplier's terms, as typed. */
record SupplierVariantForm(String sku, String cost, String packSize, String minQuantity, String leadTimeDays,
                           String supplierSku, Boolean preferred) {

    static SupplierVariantForm blank() {
        return new SupplierVariantForm("", "", "1", "1", "", "", false);
    }
}
