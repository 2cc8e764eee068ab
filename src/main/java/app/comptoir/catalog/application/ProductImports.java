package app.comptoir.catalog.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.CategoryNode;
import app.comptoir.catalog.ProductOption;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.catalog.application.ImportReport.LineError;
import app.comptoir.catalog.domain.Product;
import app.comptoir.catalog.domain.ProductRules;
import app.comptoir.catalog.domain.ProductSpec;
import app.comptoir.catalog.domain.SecondHand;
import app.comptoir.catalog.domain.VariantSpec;
import app.comptoir.catalog.persistence.CatalogChecks;
import app.comptoir.catalog.persistence.CatalogChecks.SkuOwner;
import app.comptoir.catalog.persistence.ProductRepository;
import app.comptoir.platform.BusinessPrices;
import app.comptoir.platform.Csv;
import app.comptoir.platform.InvalidInputException.FieldError;
import app.comptoir.platform.JobProgress;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;

/**
 * Imports products from CSV ({@link ProductCsv}: one line per variant), upserting by SKU.
 *
 * <p>Lines are grouped into products by {@code slug} (else by the product that already has the
 * line's SKU, else by the slug of {@code name}). A product's own columns are read from its first
 * line. A column missing from the file keeps the current value; a blank cell clears it (or is an
 * error when the value is required). Variants are matched by SKU, whatever its case; variants not in
 * the file are kept. Everything is checked before anything is written, with the same rules as the
 * API; errors are reported per line and column.
 */
@Service
public class ProductImports {

    /** Lines per import (a 10 MB upload holds far fewer). */
    public static final int MAX_LINES = 50_000;
    private static final int MAX_ERRORS = 500;
    private static final UUID PENDING_CATEGORY = new UUID(0, 0);

    private final ProductRepository repository;
    private final Products products;
    private final Categories categories;
    private final CatalogChecks checks;
    private final TenantContext tenantContext;
    private final Permissions permissions;
    private final BusinessPrices prices;

    ProductImports(ProductRepository repository, Products products, Categories categories, CatalogChecks checks,
                   TenantContext tenantContext, Permissions permissions, BusinessPrices prices) {
        this.permissions = permissions;
        this.prices = prices;
        this.repository = repository;
        this.products = products;
        this.categories = categories;
        this.checks = checks;
        this.tenantContext = tenantContext;
    }

    /** A line of the file, its cells by column (only the columns the file has). */
    private record Line(int number, Map<String, String> cells) {

        boolean has(String column) {
            return cells.containsKey(column);
        }

        /** The trimmed cell, null when blank or absent. */
        String get(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** The lines of one product, the product they update (null: a new one) and what it should become. */
    private static final class Group {
        final List<Line> lines = new ArrayList<>();
        UUID productId;
        ProductSpec spec;
        String categoryPath;
        boolean changed;
        int variantsCreated;
        int variantsUpdated;
        final Map<Integer, Integer> lineOfVariant = new HashMap<>();
        final Set<String> missingCategories = new HashSet<>();

        Line first() {
            return lines.getFirst();
        }
    }

    private final class Run {
        final UUID tenantId = tenantContext.requireTenant();
        final List<LineError> errors = new ArrayList<>();
        final Set<Integer> badLines = new HashSet<>();
        final Set<String> badCells = new HashSet<>();
        final Map<String, UUID> categoryPaths = new HashMap<>();

        void error(int line, String field, String message) {
            if (!badCells.add(line + ":" + field)) {
                return; // one message per cell: a number that cannot be read is not also "required"
            }
            badLines.add(line);
            if (errors.size() < MAX_ERRORS) {
                errors.add(new LineError(line, field, message));
            }
        }
    }

    @Transactional
    public ImportReport importCsv(byte[] bytes, boolean dryRun, boolean partial) {
        return importCsv(bytes, dryRun, partial, JobProgress.NONE);
    }

    /**
     * The same, reporting its progress in products: checked, then (for a real import) written; a
     * background job's bar follows it.
     */
    @Transactional
    public ImportReport importCsv(byte[] bytes, boolean dryRun, boolean partial, JobProgress progress) {
        permissions.require(Permission.CATALOG_WRITE);
        Run run = new Run();
        List<Line> lines = read(bytes, run);
        if (lines == null) {
            return report(run, dryRun, partial, false, 0, List.of());
        }
        List<Group> groups = group(lines, run);
        loadCategories(run);
        Map<UUID, Product> existing = new HashMap<>();
        List<UUID> ids = groups.stream().map(g -> g.productId).filter(Objects::nonNull).toList();
        repository.findAllById(ids).stream().filter(p -> p.getTenantId().equals(run.tenantId) && !p.isDeleted())
                .forEach(p -> existing.put(p.getId(), p));
        int steps = dryRun ? groups.size() : 2 * groups.size();
        progress.total(steps);
        int step = 0;
        for (Group group : groups) {
            plan(group, existing.get(group.productId), run);
            progress.done(++step);
        }
        checkBarcodes(groups, run);
        boolean write = !dryRun && (run.errors.isEmpty() || partial);
        if (write) {
            for (Group group : groups) {
                if (group.changed && valid(group, run)) {
                    ProductSpec spec = group.spec;
                    if (group.categoryPath != null && PENDING_CATEGORY.equals(spec.categoryId())) {
                        spec = withCategory(spec, createCategory(group.categoryPath, run));
                    }
                    products.store(existing.get(group.productId), spec);
                }
                progress.done(++step);
            }
        }
        progress.done(steps);
        return report(run, dryRun, partial, write, lines.size(), groups);
    }

    private static boolean valid(Group group, Run run) {
        return group.lines.stream().noneMatch(l -> run.badLines.contains(l.number()));
    }

    private ImportReport report(Run run, boolean dryRun, boolean partial, boolean written, int lineCount,
                                List<Group> groups) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int skipped = 0;
        int variantsCreated = 0;
        int variantsUpdated = 0;
        Set<String> categoriesCreated = new HashSet<>();
        for (Group group : groups) {
            if (!valid(group, run)) {
                skipped++;
                continue;
            }
            if (!group.changed) {
                unchanged++;
                continue;
            }
            if (group.productId == null) {
                created++;
            } else {
                updated++;
            }
            variantsCreated += group.variantsCreated;
            variantsUpdated += group.variantsUpdated;
            categoriesCreated.addAll(group.missingCategories);
        }
        List<LineError> errors = new ArrayList<>(run.errors);
        errors.sort(Comparator.comparingInt(LineError::line).thenComparingInt(e -> {
            int column = e.field() == null ? -1 : ProductCsv.COLUMNS.indexOf(e.field());
            return column < 0 && e.field() != null ? Integer.MAX_VALUE : column;
        }));
        return new ImportReport(dryRun, partial, written, lineCount, created, updated, unchanged, skipped,
                variantsCreated, variantsUpdated, categoriesCreated.size(), List.copyOf(errors));
    }

    /** The data lines of the file, or null when the file itself cannot be read (errors recorded). */
    private List<Line> read(byte[] bytes, Run run) {
        String text = Csv.decode(bytes);
        if (text.isBlank()) {
            run.error(1, null, "the file is empty; the first line must name the columns: " + ProductCsv.COLUMNS);
            return null;
        }
        List<Csv.Row> rows;
        try {
            rows = Csv.parse(text, Csv.detectSeparator(text));
        } catch (Csv.MalformedCsvException e) {
            run.error(e.line(), null, "not valid CSV: " + e.getMessage());
            return null;
        }
        boolean pricesIncludeVat = prices.includeVat();
        List<String> header = new ArrayList<>();
        for (String cell : rows.getFirst().cells()) {
            String named = cell.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace("\ufeff", "");
            try {
                header.add(ProductCsv.column(named, pricesIncludeVat));
            } catch (IllegalArgumentException e) {
                run.error(1, named, e.getMessage());
                header.add("");
            }
        }
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (column.isEmpty()) {
                continue;
            }
            if (!ProductCsv.COLUMNS.contains(column)) {
                run.error(1, column, "unknown column; the columns are "
                        + String.join(", ", ProductCsv.columns(pricesIncludeVat)));
            } else if (!seen.add(column)) {
                run.error(1, column, "the column appears twice");
            }
        }
        if (!seen.contains(ProductCsv.SKU)) {
            run.error(1, ProductCsv.SKU, "the file needs a sku column (variants are matched by SKU)");
        }
        if (!run.errors.isEmpty()) {
            return null;
        }
        if (rows.size() - 1 > MAX_LINES) {
            run.error(MAX_LINES + 2, null, "at most " + MAX_LINES + " lines per import; split the file");
            return null;
        }
        List<Line> lines = new ArrayList<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (row.blank()) {
                continue;
            }
            if (row.cells().size() > header.size() && row.cells().subList(header.size(), row.cells().size())
                    .stream().anyMatch(c -> !c.isBlank())) {
                run.error(row.line(), null, "this line has " + row.cells().size() + " cells but the header has "
                        + header.size() + " columns (a separator inside a cell needs quotes)");
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (!header.get(i).isEmpty()) {
                    cells.put(header.get(i), i < row.cells().size() ? Csv.unprotect(row.cells().get(i)) : "");
                }
            }
            lines.add(new Line(row.line(), cells));
        }
        return lines;
    }

    /** Groups the lines into products and finds the products they update. */
    private List<Group> group(List<Line> lines, Run run) {
        String[] skus = lines.stream().map(l -> l.get(ProductCsv.SKU)).filter(Objects::nonNull)
                .map(s -> s.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
        Map<String, SkuOwner> bySku = checks.skuOwners(run.tenantId, skus);
        String[] slugs = lines.stream().map(l -> l.get(ProductCsv.SLUG)).filter(Objects::nonNull)
                .map(s -> s.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
        Map<String, UUID> bySlug = checks.productsBySlug(run.tenantId, slugs);

        Map<String, Group> byKey = new LinkedHashMap<>();
        for (Line line : lines) {
            String sku = line.get(ProductCsv.SKU);
            String slug = line.get(ProductCsv.SLUG);
            SkuOwner existing = sku == null ? null : bySku.get(sku.toLowerCase(Locale.ROOT));
            String key;
            if (slug != null) {
                key = "slug:" + slug.toLowerCase(Locale.ROOT);
            } else if (existing != null) {
                key = "id:" + existing.productId();
            } else if (line.get(ProductCsv.NAME) != null) {
                key = "slug:" + ProductRules.slugOf(line.get(ProductCsv.NAME));
            } else {
                run.error(line.number(), ProductCsv.NAME, "is required for a new product (or give the slug of an existing one)");
                continue;
            }
            byKey.computeIfAbsent(key, k -> new Group()).lines.add(line);
        }
        // Find the product each group updates; merge groups that turn out to be the same product.
        Map<UUID, Group> byProduct = new LinkedHashMap<>();
        List<Group> result = new ArrayList<>();
        for (Map.Entry<String, Group> entry : byKey.entrySet()) {
            Group group = entry.getValue();
            String key = entry.getKey();
            UUID productId;
            if (key.startsWith("id:")) {
                productId = UUID.fromString(key.substring(3));
            } else {
                productId = bySlug.get(key.substring(5));
                if (productId == null) {
                    Set<UUID> owners = new LinkedHashSet<>();
                    group.lines.forEach(l -> {
                        String sku = l.get(ProductCsv.SKU);
                        SkuOwner e = sku == null ? null : bySku.get(sku.toLowerCase(Locale.ROOT));
                        if (e != null) {
                            owners.add(e.productId());
                        }
                    });
                    productId = owners.size() == 1 ? owners.iterator().next() : null;
                }
            }
            if (productId == null) {
                result.add(group);
                continue;
            }
            Group same = byProduct.get(productId);
            if (same == null) {
                group.productId = productId;
                byProduct.put(productId, group);
                result.add(group);
            } else {
                same.lines.addAll(group.lines);
                same.lines.sort(Comparator.comparingInt(Line::number));
            }
        }
        // A SKU belongs to one product; the same SKU twice in the file is a mistake.
        Map<String, Integer> seen = new HashMap<>();
        for (Group group : result) {
            for (Line line : group.lines) {
                String sku = line.get(ProductCsv.SKU);
                if (sku == null) {
                    continue;
                }
                String lower = sku.toLowerCase(Locale.ROOT);
                Integer previous = seen.putIfAbsent(lower, line.number());
                if (previous != null) {
                    run.error(line.number(), ProductCsv.SKU, "'" + sku + "' is also on line " + previous);
                    continue;
                }
                SkuOwner existing = bySku.get(lower);
                if (existing != null && !existing.productId().equals(group.productId)) {
                    run.error(line.number(), ProductCsv.SKU, "'" + sku + "' belongs to another product ("
                            + existing.productSlug() + "); SKUs are unique");
                }
            }
        }
        return result;
    }

    /** Works out what the group's product should become and whether that changes anything. */
    private void plan(Group group, Product existing, Run run) {
        if (group.productId != null && existing == null) {
            group.productId = null;
        }
        Line first = group.first();
        ProductSpec base = existing != null ? existing.toSpec()
                : new ProductSpec(null, null, null, null, null, List.of(), null, null, null, List.of(), List.of(), null);
        String name = first.has(ProductCsv.NAME) ? first.get(ProductCsv.NAME) : base.name();
        String slug = first.get(ProductCsv.SLUG) != null ? first.get(ProductCsv.SLUG) : base.slug();
        String description = first.has(ProductCsv.DESCRIPTION) ? first.get(ProductCsv.DESCRIPTION) : base.description();
        String brand = first.has(ProductCsv.BRAND) ? first.get(ProductCsv.BRAND) : base.brand();
        List<String> tags = first.has(ProductCsv.TAGS) ? tags(first.get(ProductCsv.TAGS)) : base.tags();
        ProductStatus status = base.status();
        if (first.get(ProductCsv.STATUS) != null) {
            try {
                status = ProductCsv.parseStatus(first.get(ProductCsv.STATUS));
            } catch (IllegalArgumentException e) {
                run.error(first.number(), ProductCsv.STATUS, "must be DRAFT, ACTIVE or ARCHIVED");
            }
        }
        BigDecimal vatRate = first.has(ProductCsv.VAT_RATE) ? decimal(first, ProductCsv.VAT_RATE, run) : base.vatRate();
        String unit = first.get(ProductCsv.UNIT) != null ? first.get(ProductCsv.UNIT) : base.unit();
        UUID categoryId = base.categoryId();
        if (first.has(ProductCsv.CATEGORY)) {
            String path = normalizePath(first.get(ProductCsv.CATEGORY));
            categoryId = path == null ? null : run.categoryPaths.get(path.toLowerCase(Locale.ROOT));
            if (path != null && categoryId == null) {
                if (pathTooLong(path)) {
                    run.error(first.number(), ProductCsv.CATEGORY, "each level of the path must be 1 to 80 characters, "
                            + "at most " + Categories.MAX_DEPTH + " levels");
                } else {
                    group.categoryPath = path;
                    categoryId = PENDING_CATEGORY;
                    addMissing(path, group, run);
                }
            }
        }
        boolean optionColumns = false;
        for (int n = 1; n <= ProductCsv.OPTIONS; n++) {
            optionColumns |= first.has(ProductCsv.optionName(n));
        }
        List<ProductOption> options = new ArrayList<>(base.options());
        List<VariantSpec> variants = new ArrayList<>(base.variants());
        Map<String, Integer> indexBySku = new HashMap<>();
        for (int i = 0; i < variants.size(); i++) {
            indexBySku.put(variants.get(i).sku().toLowerCase(Locale.ROOT), i);
        }
        for (Line line : group.lines) {
            String sku = line.get(ProductCsv.SKU);
            if (sku == null) {
                run.error(line.number(), ProductCsv.SKU, "is required");
                continue;
            }
            Integer index = indexBySku.get(sku.toLowerCase(Locale.ROOT));
            VariantSpec previous = index == null ? null : variants.get(index);
            Map<String, String> values = previous == null ? new LinkedHashMap<>() : previous.options();
            if (optionColumns) {
                values = optionValues(line, options, run);
            }
            Boolean active = previous == null ? Boolean.TRUE : previous.active();
            if (line.has(ProductCsv.ACTIVE)) {
                try {
                    Boolean parsed = ProductCsv.parseBoolean(line.cells().get(ProductCsv.ACTIVE));
                    active = parsed == null || parsed;
                } catch (IllegalArgumentException e) {
                    run.error(line.number(), ProductCsv.ACTIVE, "must be true or false (yes/no, oui/non, 1/0)");
                }
            }
            VariantSpec spec = new VariantSpec(previous == null ? null : previous.id(), sku,
                    line.has(ProductCsv.BARCODE) ? line.get(ProductCsv.BARCODE) : previous == null ? null : previous.barcode(),
                    values,
                    line.has(ProductCsv.PRICE) ? decimal(line, ProductCsv.PRICE, run) : previous == null ? null : previous.price(),
                    line.has(ProductCsv.COMPARE_AT_PRICE) ? decimal(line, ProductCsv.COMPARE_AT_PRICE, run)
                            : previous == null ? null : previous.compareAtPrice(),
                    line.has(ProductCsv.COST) ? decimal(line, ProductCsv.COST, run) : previous == null ? null : previous.cost(),
                    line.has(ProductCsv.WEIGHT) ? decimal(line, ProductCsv.WEIGHT, run) : previous == null ? null : previous.weight(),
                    active);
            if (index == null) {
                variants.add(spec);
                index = variants.size() - 1;
                indexBySku.put(sku.toLowerCase(Locale.ROOT), index);
            } else {
                variants.set(index, spec);
            }
            group.lineOfVariant.put(index, line.number());
        }
        ProductSpec wanted = new ProductSpec(name, slug, description, brand, categoryId, tags, status, vatRate, unit,
                List.copyOf(options), List.copyOf(variants), secondHand(first, base.secondHand(), run));
        ProductRules.Checked checked = ProductRules.check(wanted);
        for (FieldError error : checked.errors()) {
            reportRuleError(group, wanted, error, run);
        }
        group.spec = checked.spec();
        if (existing == null) {
            group.changed = true;
            group.variantsCreated = checked.spec().variants().size();
        } else {
            ProductSpec current = ProductRules.check(existing.toSpec()).spec();
            group.changed = !current.equals(checked.spec());
            Map<UUID, VariantSpec> before = new HashMap<>();
            current.variants().forEach(v -> before.put(v.id(), v));
            for (VariantSpec v : checked.spec().variants()) {
                if (v.id() == null) {
                    group.variantsCreated++;
                } else if (!v.equals(before.get(v.id()))) {
                    group.variantsUpdated++;
                }
            }
        }
    }

    /**
     * The second-hand attributes from the product's first line: a column the file does not have keeps the current
     * value (older files have none of them), a blank cell clears it; the condition is read as an export writes it.
     */
    private static SecondHand secondHand(Line first, SecondHand current, Run run) {
        String condition = current.condition();
        if (first.has(ProductCsv.CONDITION)) {
            condition = null;
            String raw = first.get(ProductCsv.CONDITION);
            if (raw != null) {
                try {
                    condition = ProductCsv.parseCondition(raw).name();
                } catch (IllegalArgumentException e) {
                    run.error(first.number(), ProductCsv.CONDITION, "'" + raw + "' must be one of "
                            + java.util.Arrays.toString(app.comptoir.catalog.ItemCondition.values())
                            + " (or their French or English labels)");
                }
            }
        }
        String size = first.has(ProductCsv.SIZE) ? first.get(ProductCsv.SIZE) : current.size();
        String material = first.has(ProductCsv.MATERIAL) ? first.get(ProductCsv.MATERIAL) : current.material();
        return new SecondHand(condition, size, material);
    }

    /** The line's option values; adds new option names and values to the product's definitions. */
    private static Map<String, String> optionValues(Line line, List<ProductOption> options, Run run) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int n = 1; n <= ProductCsv.OPTIONS; n++) {
            String name = line.get(ProductCsv.optionName(n));
            String value = line.get(ProductCsv.optionValue(n));
            if (name == null && value == null) {
                continue;
            }
            if (name == null) {
                run.error(line.number(), ProductCsv.optionName(n), "is required when " + ProductCsv.optionValue(n) + " is given");
                continue;
            }
            if (value == null) {
                run.error(line.number(), ProductCsv.optionValue(n), "is required when " + ProductCsv.optionName(n) + " is given");
                continue;
            }
            int at = -1;
            for (int i = 0; i < options.size(); i++) {
                if (options.get(i).name().equalsIgnoreCase(name)) {
                    at = i;
                }
            }
            if (at < 0) {
                options.add(new ProductOption(name, List.of(value)));
            } else if (options.get(at).values().stream().noneMatch(v -> v.equalsIgnoreCase(value))) {
                List<String> more = new ArrayList<>(options.get(at).values());
                more.add(value);
                options.set(at, new ProductOption(options.get(at).name(), more));
            }
            values.put(name, value);
        }
        return values;
    }

    /** Puts a rule's error on the line (and column) it comes from. */
    private static void reportRuleError(Group group, ProductSpec wanted, FieldError error, Run run) {
        String field = error.field();
        int line = group.first().number();
        String message = error.message();
        if (field.startsWith("variants[")) {
            int close = field.indexOf(']');
            int index = Integer.parseInt(field.substring("variants[".length(), close));
            Integer variantLine = group.lineOfVariant.get(index);
            String rest = close + 2 <= field.length() ? field.substring(close + 1).replaceFirst("^\\.", "") : "";
            if (variantLine != null) {
                line = variantLine;
            } else if (index < wanted.variants().size()) {
                message = "variant " + wanted.variants().get(index).sku() + " (not in the file): " + message;
            }
            field = switch (rest) {
                case "compareAtPrice" -> ProductCsv.COMPARE_AT_PRICE;
                case "options" -> ProductCsv.optionValue(1);
                case "" -> ProductCsv.SKU;
                default -> rest;
            };
        } else if (field.startsWith("options")) {
            field = ProductCsv.optionName(1);
        } else {
            field = switch (field) {
                case "vatRate" -> ProductCsv.VAT_RATE;
                case "categoryId" -> ProductCsv.CATEGORY;
                case "variants" -> ProductCsv.SKU;
                case "secondHand.condition" -> ProductCsv.CONDITION;
                case "secondHand.size" -> ProductCsv.SIZE;
                case "secondHand.material" -> ProductCsv.MATERIAL;
                default -> field;
            };
        }
        run.error(line, field, message);
    }

    /** Barcodes are unique: not on another product, not twice in the file. */
    private void checkBarcodes(List<Group> groups, Run run) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        Map<String, UUID> owners = new HashMap<>();
        for (Group group : groups) {
            if (group.spec == null) {
                continue;
            }
            for (int i = 0; i < group.spec.variants().size(); i++) {
                String barcode = group.spec.variants().get(i).barcode();
                Integer line = group.lineOfVariant.get(i);
                if (barcode == null || line == null) {
                    continue;
                }
                Integer previous = seen.putIfAbsent(barcode, line);
                if (previous != null && !previous.equals(line)) {
                    run.error(line, ProductCsv.BARCODE, "'" + barcode + "' is also on line " + previous);
                }
                lines.put(barcode, line);
                owners.put(barcode, group.productId);
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        checks.barcodeOwners(run.tenantId, lines.keySet()).forEach((barcode, owner) -> {
            if (!owner.equals(owners.get(barcode))) {
                run.error(lines.get(barcode), ProductCsv.BARCODE, "'" + barcode + "' is used by another product");
            }
        });
    }

    private void loadCategories(Run run) {
        for (CategoryNode node : categories.tree()) {
            index(node, "", run);
        }
    }

    private static void index(CategoryNode node, String prefix, Run run) {
        String path = prefix.isEmpty() ? node.name() : prefix + ProductCsv.CATEGORY_SEPARATOR + node.name();
        run.categoryPaths.put(path.toLowerCase(Locale.ROOT), node.id());
        node.children().forEach(child -> index(child, path, run));
    }

    private static void addMissing(String path, Group group, Run run) {
        String[] levels = path.split(" > ");
        String at = "";
        for (String level : levels) {
            at = at.isEmpty() ? level : at + ProductCsv.CATEGORY_SEPARATOR + level;
            String key = at.toLowerCase(Locale.ROOT);
            if (!run.categoryPaths.containsKey(key)) {
                group.missingCategories.add(key);
            }
        }
    }

    /** Creates the missing levels of a category path; returns the id of the last one. */
    private UUID createCategory(String path, Run run) {
        UUID parent = null;
        String at = "";
        for (String level : path.split(" > ")) {
            at = at.isEmpty() ? level : at + ProductCsv.CATEGORY_SEPARATOR + level;
            String key = at.toLowerCase(Locale.ROOT);
            UUID id = run.categoryPaths.get(key);
            if (id == null) {
                id = categories.create(level, parent, null).id();
                run.categoryPaths.put(key, id);
            }
            parent = id;
        }
        return parent;
    }

    private static String normalizePath(String raw) {
        if (raw == null) {
            return null;
        }
        List<String> levels = new ArrayList<>();
        for (String level : raw.split(">")) {
            if (!level.isBlank()) {
                levels.add(level.strip());
            }
        }
        return levels.isEmpty() ? null : String.join(ProductCsv.CATEGORY_SEPARATOR, levels);
    }

    private static boolean pathTooLong(String path) {
        String[] levels = path.split(" > ");
        if (levels.length > Categories.MAX_DEPTH) {
            return true;
        }
        for (String level : levels) {
            if (level.length() > 80) {
                return true;
            }
        }
        return false;
    }

    private static List<String> tags(String cell) {
        if (cell == null) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        for (String tag : cell.split(",")) {
            if (!tag.isBlank()) {
                tags.add(tag.strip());
            }
        }
        return tags;
    }

    private static BigDecimal decimal(Line line, String column, Run run) {
        String raw = line.cells().get(column);
        try {
            return raw == null ? null : ProductCsv.parseDecimal(raw);
        } catch (NumberFormatException e) {
            run.error(line.number(), column, "'" + raw.strip() + "' is not a number");
            return null;
        }
    }

    private static ProductSpec withCategory(ProductSpec spec, UUID categoryId) {
        return new ProductSpec(spec.name(), spec.slug(), spec.description(), spec.brand(), categoryId, spec.tags(),
                spec.status(), spec.vatRate(), spec.unit(), spec.options(), spec.variants(), spec.secondHand());
    }
}
