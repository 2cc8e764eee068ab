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
import tools.jackson.databind.JsonNode;

import app.comptoir.catalog.ProductImageView;
import app.comptoir.catalog.ProductOption;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.catalog.ProductView;
import app.comptoir.catalog.StockAvailability;
import app.comptoir.catalog.VariantView;
import app.comptoir.catalog.domain.CatalogJson;
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
                   p.options::text as options, p.version, p.created_at, p.updated_at,
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
                p.createdAt(), p.updatedAt(), total, p.pricesIncludeVat());
    }

    private static ProductView map(ResultSet rs, boolean pricesIncludeVat) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<ProductOption> options = CatalogJson.options(rs.getString("options"));
        List<VariantView> variants = new ArrayList<>();
        for (JsonNode v : CatalogJson.MAPPER.readTree(rs.getString("variants"))) {
            Map<String, String> values = new LinkedHashMap<>();
            v.get(3).properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
            variants.add(new VariantView(UUID.fromString(v.get(0).asString()), v.get(1).asString(), text(v.get(2)),
                    CatalogJson.ordered(values, options), decimal(v.get(4)), decimal(v.get(5)), decimal(v.get(6)),
                    decimal(v.get(7)), v.get(8).asBoolean(), null));
        }
        List<ProductImageView> images = new ArrayList<>();
        for (JsonNode i : CatalogJson.MAPPER.readTree(rs.getString("images"))) {
            UUID imageId = UUID.fromString(i.get(0).asString());
            String url = "/api/v1/products/" + id + "/images/" + imageId;
            images.add(new ProductImageView(imageId, url, url + "?thumb=true", i.get(1).asInt(), i.get(2).asInt()));
        }
        return new ProductView(id, rs.getString("name"), rs.getString("slug"), rs.getString("description"),
                rs.getString("brand"), rs.getObject("category_id", UUID.class), tags(rs.getArray("tags")),
                ProductStatus.valueOf(rs.getString("status")), rs.getBigDecimal("vat_rate"), rs.getString("unit"),
                options, variants, images, rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), null, pricesIncludeVat);
    }

    static List<String> tags(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : node.decimalValue();
    }
}
