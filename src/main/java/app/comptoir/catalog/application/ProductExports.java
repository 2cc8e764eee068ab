package app.comptoir.catalog.application;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.CategoryNode;
import app.comptoir.catalog.ProductOption;
import app.comptoir.catalog.ProductView;
import app.comptoir.catalog.VariantView;
import app.comptoir.catalog.persistence.ProductViews;
import app.comptoir.platform.Csv;
import app.comptoir.platform.BusinessPrices;
import app.comptoir.platform.Exports;
import app.comptoir.platform.JobProgress;
import app.comptoir.platform.TenantContext;

/**
 * Writes the catalog as CSV ({@link ProductCsv}), UTF-8 with a byte order mark so that spreadsheets
 * recognise it, or gives its rows to {@link Exports} (CSV or Excel in the reader's language); importing the
 * file again changes nothing.
 */
@Service
public class ProductExports {

    private static final int CHUNK = 200;

    private final ProductViews views;
    private final Categories categories;
    private final TenantContext tenantContext;
    private final BusinessPrices prices;

    ProductExports(ProductViews views, Categories categories, TenantContext tenantContext, BusinessPrices prices) {
        this.prices = prices;
        this.views = views;
        this.categories = categories;
        this.tenantContext = tenantContext;
    }

    /**
     * The columns of the file: the import's, named as the import reads them whatever the language, with the
     * price columns of the business's mode ({@code price_incl_vat} or {@code price_excl_vat}).
     */
    public Exports.Table table() {
        return new Exports.Table("products", null, ProductCsv.columns(prices.includeVat()));
    }

    /** Every live product, by name, one line per variant; {@code separator} is {@code ,} or {@code ;}. */
    @Transactional(readOnly = true)
    public byte[] export(char separator) {
        return export(separator, JobProgress.NONE);
    }

    /** The same, reporting its progress in products (for a background job's bar). */
    @Transactional(readOnly = true)
    public byte[] export(char separator, JobProgress progress) {
        StringBuilder out = new StringBuilder("\ufeff");
        out.append(Csv.line(ProductCsv.columns(prices.includeVat()), separator));
        rows(cells -> {
            List<String> line = new ArrayList<>(cells.length);
            for (Object cell : cells) {
                line.add(switch (cell) {
                    case null -> "";
                    case BigDecimal d -> ProductCsv.decimal(d);
                    case Exports.Code c -> c.value();
                    default -> cell.toString();
                });
            }
            out.append(Csv.line(line, separator));
        }, progress);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Every live product, by name, one line per variant, as typed cells (decimals, the status as a code) that
     * {@link Exports} writes as CSV or Excel in the reader's language; importing the file again changes nothing.
     */
    @Transactional(readOnly = true)
    public void rows(Exports.Rows rows) {
        rows(rows, JobProgress.NONE);
    }

    /** The same, reporting its progress in products. */
    @Transactional(readOnly = true)
    public void rows(Exports.Rows rows, JobProgress progress) {
        UUID tenantId = tenantContext.requireTenant();
        Map<UUID, String> paths = new HashMap<>();
        categories.tree().forEach(node -> index(node, "", paths));
        List<UUID> ids = views.idsByName(tenantId);
        progress.total(ids.size());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            for (ProductView product : views.load(tenantId, ids.subList(from, Math.min(ids.size(), from + CHUNK)))) {
                for (VariantView variant : product.variants()) {
                    rows.row(line(product, variant, paths).toArray());
                }
            }
            progress.done(Math.min(ids.size(), from + CHUNK));
        }
    }

    private static List<Object> line(ProductView p, VariantView v, Map<UUID, String> paths) {
        List<Object> cells = new ArrayList<>(ProductCsv.COLUMNS.size());
        cells.add(p.slug());
        cells.add(p.name());
        cells.add(p.description());
        cells.add(p.brand());
        cells.add(p.categoryId() == null ? "" : paths.getOrDefault(p.categoryId(), ""));
        cells.add(String.join(", ", p.tags()));
        cells.add(Exports.code("catalog.status.", p.status().name()));
        cells.add(p.vatRate());
        cells.add(p.unit());
        for (int n = 0; n < ProductCsv.OPTIONS; n++) {
            ProductOption option = n < p.options().size() ? p.options().get(n) : null;
            cells.add(option == null ? "" : option.name());
            cells.add(option == null ? "" : v.options().getOrDefault(option.name(), ""));
        }
        cells.add(v.sku());
        cells.add(v.barcode());
        cells.add(v.price());
        cells.add(v.compareAtPrice());
        cells.add(v.cost());
        cells.add(v.weight());
        cells.add(Boolean.toString(v.active()));
        cells.add(Exports.code("catalog.condition.", p.secondHand().condition()));
        cells.add(p.secondHand().size());
        cells.add(p.secondHand().material());
        return cells;
    }

    private static void index(CategoryNode node, String prefix, Map<UUID, String> paths) {
        String path = prefix.isEmpty() ? node.name() : prefix + ProductCsv.CATEGORY_SEPARATOR + node.name();
        paths.put(node.id(), path);
        node.children().forEach(child -> index(child, path, paths));
    }
}
