package app.comptoir.catalog.persistence;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import app.comptoir.catalog.ProductImageView;
import app.comptoir.catalog.ProductOption;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.catalog.ProductView;
import app.comptoir.catalog.StockAvailability;
import app.comptoir.catalog.VariantView;
import app.comptoir.catalog.domain.CatalogJson;
import app.comptoir.catalog.domain.SecondHand;
import app.comptoir.platform.BusinessPrices;

/**
 * Reads products as {@link ProductView}s with their variants and images in one statement, however
 * many products are asked for (variants and images are aggregated as JSON per product), so neither
 * a page of a list nor a single product costs more than one query, plus one to ask the inventory
 * (through {@link StockAvailability}) what is available of their variants.
 */
@Component
public class ProductViews {

    private static final String SELECT = """
            select p.id, p.name, p.slug, p.description, p.brand, p.category_id, p.tags, p.status, p.vat_rate, p.unit,
                   p.options::text as options, p.version, p.item_condition, p.item_size, p.item_material, p.created_at, p.updated_at,
                   (select coalesce(json_agg(json_build_array(v.id, v.sku, v.barcode, v.options, v.price,
                                   v.compare_at_price, v.cost, v.weight, v.active) order by v.position, v.sku), '[]')
                      from variants v
                     where v.tenant_id = p.tenant_id and v.product_id = p.id and v.deleted_at is null)::text as variants,
                   (select coalesce(json_agg(json_build_array(i.id, i.width, i.height) order by i.position, i.id), '[]')
                      from product_images i
                     where i.tenant_id = p.tenant_id and i.product_id = p.id)::text as images
              from products p
             where p.tenant_id = ? and p.id = any(?) and p.deleted_at is null""";

    private final JdbcTemplate jdbc;
    private final ObjectProvider<StockAvailability> stock;
    private final BusinessPrices prices;

    ProductViews(JdbcTemplate jdbc, ObjectProvider<StockAvailability> stock, BusinessPrices prices) {
        this.jdbc = jdbc;
        this.stock = stock;
        this.prices = prices;
    }

    /** The ids of the tenant's live products, by name (accents and case ignored). */
    public List<UUID> idsByName(UUID tenantId) {
        return jdbc.queryForList("""
                select id from products where tenant_id = ? and deleted_at is null
                order by lower(catalog_unaccent(name)), id""", UUID.class, tenantId);
    }

    /** The live product, if it exists in the tenant. */
    public Optional<ProductView> find(UUID tenantId, UUID productId) {
        return load(tenantId, List.of(productId)).stream().findFirst();
    }

    /** The live products among these ids, in the order of the ids. */
    public List<ProductView> load(UUID tenantId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, ProductView> byId = new HashMap<>();
        // The business's profile is remembered per node, so saying how the prices are meant costs no statement.
        boolean pricesIncludeVat = prices.includeVat();
        jdbc.query(SELECT, ps -> {
            ps.setObject(1, tenantId);
            ps.setArray(2, ps.getConnection().createArrayOf("uuid", ids.toArray()));
        }, rs -> {
            ProductView view = map(rs, pricesIncludeVat);
            byId.put(view.id(), view);
        });
        Map<UUID, Integer> available = available(tenantId, byId.values());
        List<ProductView> ordered = new ArrayList<>(byId.size());
        for (UUID id : ids) {
            ProductView view = byId.get(id);
            if (view != null) {
                ordered.add(available == null ? view : withStock(view, available));
            }
        }
        return ordered;
    }

    /** What is available of the products' variants, in one query; null when no module keeps stock. */
    private Map<UUID, Integer> available(UUID tenantId, Collection<ProductView> products) {
        StockAvailability availability = stock.getIfAvailable();
        if (availability == null || products.isEmpty()) {
            return null;
        }
        List<UUID> variantIds = products.stream().flatMap(p -> p.variants().stream()).map(VariantView::id).toList();
        return variantIds.isEmpty() ? Map.of() : availability.available(tenantId, variantIds);
    }

    /** The product with the available quantity of each variant, and of the product (its active variants'). */
    private static ProductView withStock(ProductView p, Map<UUID, Integer> available) {
        List<VariantView> variants = new ArrayList<>(p.variants().size());
        int total = 0;
        for (VariantView v : p.variants()) {
            int quantity = available.getOrDefault(v.id(), 0);
            if (v.active()) {
                total += quantity;
            }
            variants.add(new VariantView(v.id(), v.sku(), v.barcode(), v.options(), v.price(), v.compareAtPrice(),
                    v.cost(), v.weight(), v.active(), quantity));
        }
        return new ProductView(p.id(), p.name(), p.slug(), p.description(), p.brand(), p.categoryId(), p.tags(),
                p.status(), p.vatRate(), p.unit(), p.options(), List.copyOf(variants), p.images(), p.version(),
                p.createdAt(), p.updatedAt(), total, p.pricesIncludeVat(), p.secondHand());
    }

    private static ProductView map(ResultSet rs, boolean pricesIncludeVat) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<ProductOption> options = CatalogJson.options(rs.getString("options"));
        List<VariantView> variants = variants(rs.getString("variants"), options);
        List<ProductImageView> images = images(id, rs.getString("images"));
        return new ProductView(id, rs.getString("name"), rs.getString("slug"), rs.getString("description"),
                rs.getString("brand"), rs.getObject("category_id", UUID.class), tags(rs.getArray("tags")),
                ProductStatus.valueOf(rs.getString("status")), rs.getBigDecimal("vat_rate"), rs.getString("unit"),
                options, variants, images, rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), null, pricesIncludeVat,
                new SecondHand(rs.getString("item_condition"), rs.getString("item_size"),
                        rs.getString("item_material")).toAttributes());
    }

    /**
     * The variants aggregated by {@link #SELECT}, each {@code [id, sku, barcode, {options}, price,
     * compareAtPrice, cost, weight, active]}, read with the streaming parser: a list page reads a few
     * hundred of them, and building a JSON tree of each first was a large share of the list's CPU time.
     */
    static List<VariantView> variants(String json, List<ProductOption> options) {
        List<VariantView> variants = new ArrayList<>();
        try (JsonParser p = CatalogJson.MAPPER.createParser(json)) {
            p.nextToken(); // [
            while (p.nextToken() == JsonToken.START_ARRAY) {
                p.nextToken();
                UUID id = UUID.fromString(p.getString());
                p.nextToken();
                String sku = p.getString();
                String barcode = p.nextToken() == JsonToken.VALUE_NULL ? null : p.getString();
                p.nextToken(); // {
                Map<String, String> values = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    values.put(name, p.getString());
                }
                BigDecimal price = decimal(p);
                BigDecimal compareAt = decimal(p);
                BigDecimal cost = decimal(p);
                BigDecimal weight = decimal(p);
                boolean active = p.nextToken() == JsonToken.VALUE_TRUE;
                p.nextToken(); // ]
                variants.add(new VariantView(id, sku, barcode, CatalogJson.ordered(values, options), price, compareAt, cost,
                        weight, active, null));
            }
        }
        return variants;
    }

    /** The pictures aggregated by {@link #SELECT}, each {@code [id, width, height]}. */
    private static List<ProductImageView> images(UUID productId, String json) {
        List<ProductImageView> images = new ArrayList<>();
        try (JsonParser p = CatalogJson.MAPPER.createParser(json)) {
            p.nextToken(); // [
            while (p.nextToken() == JsonToken.START_ARRAY) {
                p.nextToken();
                UUID imageId = UUID.fromString(p.getString());
                p.nextToken();
                int width = p.getIntValue();
                p.nextToken();
                int height = p.getIntValue();
                p.nextToken(); // ]
                String url = "/api/v1/products/" + productId + "/images/" + imageId;
                images.add(new ProductImageView(imageId, url, url + "?thumb=true", width, height));
            }
        }
        return images;
    }

    private static BigDecimal decimal(JsonParser p) {
        return p.nextToken() == JsonToken.VALUE_NULL ? null : p.getDecimalValue();
    }

    static List<String> tags(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

}
