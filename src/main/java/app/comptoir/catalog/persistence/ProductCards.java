package app.comptoir.catalog.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import app.comptoir.catalog.ProductCard;
import app.comptoir.catalog.ProductImageView;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.catalog.StockAvailability;

/**
 * Reads products as {@link ProductCard}s in one statement (the active variants reduced to their number, lowest and
 * highest price and the most available of them from the catalog's read model of stock, the first picture). A list
 * page of 24 products read as {@link ProductViews} carried some 240 variants as JSON with their options, costs and
 * weights, which the cards of a list never show: a third of a list's time went into writing and parsing it.
 */
@Component
public class ProductCards {

    /** A card's columns, from {@code p} (the product) and the two lateral reads below. */
    private static final String COLUMNS = """
            p.id, p.name, p.slug, p.brand, p.category_id, p.tags, p.status, p.updated_at,
            v.variants, v.lo, v.hi, v.compare_at, v.most, i.id as image_id, i.width, i.height""";
    /** The product's active variants reduced to their ids and prices, and its first picture. */
    private static final String LATERALS = """
              left join lateral (
                   select count(*) as variants, min(v.price) as lo, max(v.price) as hi,
                          (array_agg(v.compare_at_price order by v.price, v.position, v.sku)
                               filter (where v.price is not null))[1] as compare_at,
                          max(v.available_hint) as most
                     from variants v
                    where v.tenant_id = p.tenant_id and v.product_id = p.id and v.deleted_at is null and v.active) v
                on true
              left join lateral (
                   select i.id, i.width, i.height from product_images i
                    where i.tenant_id = p.tenant_id and i.product_id = p.id
                    order by i.position, i.id limit 1) i
                on true
            """;
    private static final String SELECT = "select " + COLUMNS + "\n  from products p\n" + LATERALS
            + " where p.tenant_id = ? and p.id = any(?) and p.deleted_at is null";

    /** The cards of a search's page, in its order, and the search's total (null when the page is empty). */
    public record Found(List<ProductCard> cards, Long total) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectProvider<StockAvailability> stock;

    private final NamedParameterJdbcTemplate named;

    ProductCards(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, ObjectProvider<StockAvailability> stock) {
        this.jdbc = jdbc;
        this.named = named;
        this.stock = stock;
    }

    /**
     * The cards of a search's page in one statement: {@code with} is the search's start (see
     * {@code ProductSearch}), whose {@code page} has the ids of the page with their {@code position} and whose
     * {@code f} is the whole filtered list, counted on each row of the page.
     */
    Found find(String with, MapSqlParameterSource params) {
        List<Row> rows = new ArrayList<>();
        Long[] total = {null};
        named.query(with + "\nselect " + COLUMNS + ", (select count(*) from f) as total\n  from page\n"
                + "  join products p on p.tenant_id = :tenant and p.id = page.id\n" + LATERALS
                + " order by page.position", params, rs -> {
            total[0] = rs.getLong("total");
            rows.add(row(rs));
        });
        return new Found(withStock(rows), total[0]);
    }

    /** The live products among these ids as cards, in the order of the ids. */
    public List<ProductCard> load(UUID tenantId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Row> byId = new HashMap<>();
        jdbc.query(SELECT, ps -> {
            ps.setObject(1, tenantId);
            ps.setArray(2, ps.getConnection().createArrayOf("uuid", ids.toArray()));
        }, rs -> {
            Row row = row(rs);
            byId.put(row.card().id(), row);
        });
        List<Row> ordered = new ArrayList<>(byId.size());
        for (UUID id : ids) {
            if (byId.containsKey(id)) {
                ordered.add(byId.get(id));
            }
        }
        return withStock(ordered);
    }

    private record Row(ProductCard card, int mostAvailable) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID imageId = rs.getObject("image_id", UUID.class);
        String url = "/api/v1/products/" + id + "/images/" + imageId;
        ProductImageView picture = imageId == null ? null
                : new ProductImageView(imageId, url, url + "?thumb=true", rs.getInt("width"), rs.getInt("height"));
        BigDecimal lo = rs.getBigDecimal("lo");
        BigDecimal hi = rs.getBigDecimal("hi");
        return new Row(new ProductCard(id, rs.getString("name"), rs.getString("slug"), rs.getString("brand"),
                rs.getObject("category_id", UUID.class), ProductViews.tags(rs.getArray("tags")),
                ProductStatus.valueOf(rs.getString("status")), picture, lo, rs.getBigDecimal("compare_at"),
                lo != null && hi != null && lo.compareTo(hi) != 0, rs.getInt("variants"), null,
                rs.getTimestamp("updated_at").toInstant()), rs.getInt("most"));
    }

    /**
     * The cards with the most available of any of their variants, from the catalog's own read model of stock
     * ({@code available_hint}, exact up to {@link app.comptoir.catalog.CatalogStock#CARD_STOCK_CAP}); none when no module keeps stock.
     */
    private List<ProductCard> withStock(List<Row> rows) {
        boolean stockKept = stock.getIfAvailable() != null;
        List<ProductCard> cards = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ProductCard card = row.card();
            cards.add(!stockKept ? card : new ProductCard(card.id(), card.name(), card.slug(), card.brand(),
                    card.categoryId(), card.tags(), card.status(), card.picture(), card.priceFrom(),
                    card.compareAtPrice(), card.priceVaries(), card.variantCount(), row.mostAvailable(),
                    card.updatedAt()));
        }
        return cards;
    }
}
