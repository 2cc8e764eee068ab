package app.comptoir.catalog.application;

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
import app.comptoir.platform.BusinessPrices;
import app.comptoir.catalog.persistence.ProductViews;
import app.comptoir.platform.Csv;
import app.comptoir.platform.JobProgress;
import app.comptoir.platform.TenantContext;

/**
 * Writes the catalog as CSV ({@link ProductCsv}), UTF-8 with a byte order mark so that spreadsheets
 * recognise it; importing the file again changes nothing.
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

    /** Every live product, by name, one line per variant; {@code separator} is {@code ,} or {@code ;}. */
    @Transactional(readOnly = true)
    public byte[] export(char separator) {
        return export(separator, JobProgress.NONE);
    }

    /** The same, reporting its progress in products (for a background job's bar). */
    @Transactional(readOnly = true)
    public byte[] export(char separator, JobProgress progress) {
        UUID tenantId = tenantContext.requireTenant();
        Map<UUID, String> paths = new HashMap<>();
        categories.tree().forEach(node -> index(node, "", paths));
        List<UUID> ids = views.idsByName(tenantId);
        StringBuilder out = new StringBuilder("\ufeff");
        out.append(Csv.line(ProductCsv.columns(prices.includeVat()), separator));
        progress.total(ids.size());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            for (ProductView product : views.load(tenantId, ids.subList(from, Math.min(ids.size(), from + CHUNK)))) {
                for (VariantView variant : product.variants()) {
                    out.append(Csv.line(line(product, variant, paths), separator));
                }
            }
            progress.done(Math.min(ids.size(), from + CHUNK));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> line(ProductView p, VariantView v, Map<UUID, String> paths) {
        List<String> cells = new ArrayList<>(ProductCsv.COLUMNS.size());
        cells.add(p.slug());
        cells.add(p.name());
        cells.add(p.description());
        cells.add(p.brand());
        cells.add(p.categoryId() == null ? "" : paths.getOrDefault(p.categoryId(), ""));
        cells.add(String.join(", ", p.tags()));
        cells.add(p.status().name());
        cells.add(ProductCsv.decimal(p.vatRate()));
        cells.add(p.unit());
        for (int n = 0; n < ProductCsv.OPTIONS; n++) {
            ProductOption option = n < p.options().size() ? p.options().get(n) : null;
            cells.add(option == null ? "" : option.name());
            cells.add(option == null ? "" : v.options().getOrDefault(option.name(), ""));
        }
        cells.add(v.sku());
        cells.add(v.barcode());
        cells.add(ProductCsv.decimal(v.price()));
        cells.add(ProductCsv.decimal(v.compareAtPrice()));
        cells.add(ProductCsv.decimal(v.cost()));
        cells.add(ProductCsv.decimal(v.weight()));
        cells.add(Boolean.toString(v.active()));
        return cells;
    }

    private static void index(CategoryNode node, String prefix, Map<UUID, String> paths) {
        String path = prefix.isEmpty() ? node.name() : prefix + ProductCsv.CATEGORY_SEPARATOR + node.name();
        paths.put(node.id(), path);
        node.children().forEach(child -> index(child, path, paths));
    }
}
