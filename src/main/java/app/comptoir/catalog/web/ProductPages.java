package app.comptoir.catalog.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.ProductPage;
import app.comptoir.catalog.ProductQuery;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.catalog.ProductView;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.catalog.application.ProductImages;
import app.comptoir.catalog.application.Products;
import app.comptoir.catalog.domain.OptionMatrix;
import app.comptoir.catalog.domain.ProductRules;
import app.comptoir.catalog.domain.ProductSpec;
import app.comptoir.catalog.domain.Units;
import app.comptoir.catalog.domain.VariantSpec;
import app.comptoir.catalog.domain.VatRates;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Htmx;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Pager;

/**
 * The product pages: the searchable list (table or grid), and the product page with its variant
 * matrix, pictures, duplication, archiving and deletion. Everyone in the business reads; managers
 * and administrators write.
 */
@PageController
@RequestMapping("/app/catalog")
class ProductPages {

    static final int PAGE_SIZE = 24;
    static final String VIEW_COOKIE = "catalog-view";
    private static final List<String> SORTS = List.of("relevance", "name", "-name", "price", "-price", "newest");
    private static final String LIST = "catalog/products/list";
    private static final String FORM = "catalog/products/form";

    private final CatalogQueries queries;
    private final Products products;
    private final ProductImages images;
    private final MessageSource messages;

    ProductPages(CatalogQueries queries, Products products, ProductImages images,
                 MessageSource messages) {
        this.queries = queries;
        this.products = products;
        this.images = images;
        this.messages = messages;
    }

    /** A choice of the sort select: the value sent ("" for the default) and the key of its label. */
    record SortChoice(String value, String key) {
    }

    @InitBinder("form")
    void allowEveryVariant(WebDataBinder binder) {
        // The default (256) is below the number of variants a product may have.
        binder.setAutoGrowCollectionLimit(ProductRules.MAX_VARIANTS + 1);
    }

    @GetMapping
    String catalog() {
        return "redirect:/app/catalog/products";
    }

    // ---------------------------------------------------------------- list

    @GetMapping("/products")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
                @RequestParam(required = false) String tag, @RequestParam(required = false) String status,
                @RequestParam(required = false) String priceMin, @RequestParam(required = false) String priceMax,
                @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
                @RequestParam(required = false) String view, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        // Filters come from a URL anyone can edit: unknown values mean "no filter", never an error.
        String query = q == null ? "" : q.strip();
        if (query.length() > 200) {
            query = query.substring(0, 200);
        }
        List<CategoryChoice> categories = CategoryChoice.flatten(queries.categories());
        UUID asked = uuid(category);
        UUID categoryId = asked != null && categories.stream().anyMatch(c -> c.id().equals(asked)) ? asked : null;
        String tagFilter = tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(Locale.ROOT);
        ProductStatus statusFilter = Arrays.stream(ProductStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(status)).findFirst().orElse(null);
        BigDecimal min = number(priceMin);
        BigDecimal max = number(priceMax);
        if (min != null && max != null && min.compareTo(max) > 0) {
            BigDecimal swap = min;
            min = max;
            max = swap;
        }
        // No sort chosen (""): relevance when searching, else by name; so typing a search ranks by relevance.
        String defaultSort = query.isEmpty() ? "name" : "relevance";
        String chosenSort = sort == null || !SORTS.contains(sort) || sort.equals(defaultSort)
                || "relevance".equals(sort) ? "" : sort;
        String sortKey = chosenSort.isEmpty() ? defaultSort : chosenSort;
        List<SortChoice> sortChoices = new ArrayList<>();
        sortChoices.add(new SortChoice("", defaultSort));
        SORTS.stream().skip(1).filter(s -> !s.equals(defaultSort)).forEach(s -> sortChoices.add(new SortChoice(s, s)));
        String layout = chooseLayout(view, request, response);

        ProductPage results = queries.search(new ProductQuery(query.isEmpty() ? null : query, categoryId, tagFilter,
                statusFilter, min, max, null, sortKey, Math.max(0, page), PAGE_SIZE, true));
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/app/catalog/products");
        Map<String, Object> filters = new java.util.LinkedHashMap<>();
        filters.put("q", query.isEmpty() ? null : query);
        filters.put("category", categoryId);
        filters.put("tag", tagFilter);
        filters.put("status", statusFilter == null ? null : statusFilter.name());
        filters.put("priceMin", min == null ? null : ProductForm.plain(min));
        filters.put("priceMax", max == null ? null : ProductForm.plain(max));
        filters.put("sort", chosenSort.isEmpty() ? null : chosenSort);
        filters.forEach((name, value) -> {
            if (value != null) {
                base.queryParam(name, value);
            }
        });
        Map<UUID, Long> categoryCounts = new HashMap<>();
        results.facets().categories().forEach(c -> categoryCounts.put(c.id(), c.count()));
        Map<String, Long> tagCounts = new HashMap<>();
        results.facets().tags().forEach(t -> tagCounts.put(t.value(), t.count()));
        Set<String> tags = new LinkedHashSet<>();
        queries.tags("").forEach(t -> tags.add(t.value()));
        if (tagFilter != null) {
            tags.add(tagFilter);
        }

        model.addAttribute("products", results);
        model.addAttribute("pager", Pager.of(new PageResponse<>(results.items(), results.total(), results.page(),
                results.size()), base));
        model.addAttribute("q", query);
        model.addAttribute("category", categoryId);
        model.addAttribute("tag", tagFilter == null ? "" : tagFilter);
        model.addAttribute("status", statusFilter);
        model.addAttribute("priceMin", min == null ? "" : ProductForm.plain(min));
        model.addAttribute("priceMax", max == null ? "" : ProductForm.plain(max));
        model.addAttribute("sort", chosenSort);
        model.addAttribute("sorts", sortChoices);
        model.addAttribute("layout", layout);
        model.addAttribute("listUrl", withParam(base, "view", "list"));
        model.addAttribute("gridUrl", withParam(base, "view", "grid"));
        model.addAttribute("categories", categories);
        model.addAttribute("categoryCounts", categoryCounts);
        model.addAttribute("tags", List.copyOf(tags));
        model.addAttribute("tagCounts", tagCounts);
        model.addAttribute("statuses", List.of(ProductStatus.values()));
        model.addAttribute("conditions", List.of(app.comptoir.catalog.ItemCondition.values()));
        model.addAttribute("filtered", filters.entrySet().stream()
                .anyMatch(e -> !"sort".equals(e.getKey()) && e.getValue() != null));
        // The same URL answers htmx (the results only) and the browser (the whole page): caches must know.
        response.addHeader(HttpHeaders.VARY, Htmx.REQUEST);
        return Htmx.isPartial(request) ? LIST + " :: partial" : LIST;
    }

    /** Table or grid: asked for in the address (then remembered in a cookie), else as last chosen. */
    private static String chooseLayout(String view, HttpServletRequest request, HttpServletResponse response) {
        if ("grid".equals(view) || "list".equals(view)) {
            Cookie cookie = new Cookie(VIEW_COOKIE, view);
            cookie.setPath(request.getContextPath() + "/app/catalog");
            cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
            return view;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (VIEW_COOKIE.equals(cookie.getName()) && "grid".equals(cookie.getValue())) {
                    return "grid";
                }
            }
        }
        return "list";
    }

    private static String withParam(UriComponentsBuilder base, String name, String value) {
        return base.cloneBuilder().replaceQueryParam(name, value).encode().build().toUriString();
    }

    // ---------------------------------------------------------------- product page

    @GetMapping("/products/new")
    @PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
    String newProduct(Model model) {
        model.addAttribute("form", ProductForm.blank(VatRates.SUGGESTED.getFirst()).tidy());
        return form(model, null);
    }

    @PostMapping("/products/new")
    @PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
    String create(@ModelAttribute("form") ProductForm form, BindingResult binding,
                  @RequestParam(defaultValue = "save") String action, @RequestParam(required = false) Integer remove,
                  HttpServletRequest request, Model model, RedirectAttributes redirect, Locale locale) {
        return submit(null, form, binding, action, remove, request, model, redirect, locale);
    }

    @GetMapping("/products/{id}")
    String edit(@PathVariable UUID id, Model model) {
        ProductView product = products.get(id);
        model.addAttribute("form", ProductForm.of(product).tidy());
        return form(model, product);
    }

    @PostMapping("/products/{id}")
    @PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
    String update(@PathVariable UUID id, @ModelAttribute("form") ProductForm form, BindingResult binding,
                  @RequestParam(defaultValue = "save") String action, @RequestParam(required = false) Integer remove,
                  HttpServletRequest request, Model model, RedirectAttributes redirect, Locale locale) {
        return submit(products.get(id), form, binding, action, remove, request, model, redirect, locale);
    }

    /**
     * Every button of the product form posts the whole form, so nothing typed is lost: "save" stores
     * the product, the others (generate the matrix, add or remove a variant row) only change the rows
     * shown, and answer htmx with the option and variant editor alone.
     */
    private String submit(ProductView product, ProductForm posted, BindingResult binding, String action,
                          Integer remove, HttpServletRequest request, Model model, RedirectAttributes redirect,
                          Locale locale) {
        ProductForm form = posted.tidy();
        List<ProductForm.VariantRow> rows = new ArrayList<>(form.variants());
        switch (action) {
            case "addVariant" -> {
                rows.add(ProductForm.VariantRow.empty());
                return editor(product, form.withVariants(rows), binding, request, model, "variantAdded");
            }
            case "remove" -> {
                if (remove != null && remove >= 0 && remove < rows.size()) {
                    rows.remove((int) remove);
                }
                return editor(product, form.withVariants(rows), binding, request, model, null);
            }
            case "generate" -> {
                return generate(product, form, binding, request, model, "generated");
            }
            default -> {
                // Rows that no longer fit the options cannot be stored: offer the matrix they call for.
                if (form.variantsOutOfStep()) {
                    return generate(product, form, binding, request, model, "regenerated");
                }
            }
        }
        BindingResult result = rebind(form, binding, model);
        ProductSpec spec = form.toSpec(result);
        Map<String, Integer> openingStock = product == null ? form.openingStock(result) : Map.of();
        if (result.hasErrors()) {
            return form(model, product);
        }
        try {
            ProductView saved = product == null ? products.create(spec, null, null, openingStock)
                    : products.update(product.id(), spec, null, null, form.version());
            redirect.addFlashAttribute("flash", product == null ? "catalog.product.created" : "catalog.product.saved");
            redirect.addFlashAttribute("flashArgument", saved.name());
            return "redirect:/app/catalog/products/" + saved.id();
        } catch (InvalidInputException e) {
            CatalogFormErrors.reject(result, e);
        } catch (ConflictException e) {
            conflict(product, form, result, model, e);
        }
        return form(model, product);
    }

    /** Replaces the rows by the full matrix of the options (keeping the rows that fit), without saving. */
    private String generate(ProductView product, ProductForm form, BindingResult binding, HttpServletRequest request,
                            Model model, String notice) {
        BigDecimal price;
        try {
            price = ProductForm.parseNumber(form.price());
        } catch (NumberFormatException e) {
            BindingResult result = rebind(form, binding, model);
            result.rejectValue("price", "catalog.invalid.number");
            return editorView(product, request, model);
        }
        try {
            List<VariantSpec> specs = OptionMatrix.generate(form.productOptions(), form.variantSpecsForMatrix(),
                    form.baseSku(), price);
            ProductForm generated = form.withVariants(ProductForm.rows(specs, form.productOptions()));
            return editor(product, generated, binding, request, model, notice);
        } catch (InvalidInputException e) {
            BindingResult result = rebind(form, binding, model);
            CatalogFormErrors.reject(result, e);
            return editorView(product, request, model);
        }
    }

    private String editor(ProductView product, ProductForm form, BindingResult binding, HttpServletRequest request,
                          Model model, String notice) {
        rebind(form, binding, model);
        if (notice != null) {
            model.addAttribute("matrixNotice", "catalog.matrix." + notice);
            model.addAttribute("matrixCount", form.variants().size());
        }
        return editorView(product, request, model);
    }

    private String editorView(ProductView product, HttpServletRequest request, Model model) {
        String page = form(model, product);
        return Htmx.isPartial(request) ? page + " :: editor" : page;
    }

    /**
     * Shows {@code form} with a binding result of its own (the posted one belongs to the form as posted),
     * keeping what could not even be read (a malformed version) from the posted one.
     */
    private static BindingResult rebind(ProductForm form, BindingResult posted, Model model) {
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(form, "form");
        posted.getGlobalErrors().forEach(result::addError);
        posted.getFieldErrors().stream().filter(e -> !e.getField().startsWith("options")).forEach(result::addError);
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        return result;
    }

    /** SKUs and barcodes taken by another product go next to the rows that use them; the rest is an alert. */
    private void conflict(ProductView product, ProductForm form, BindingResult result, Model model,
                          ConflictException e) {
        UUID self = product == null ? null : product.id();
        boolean placed = false;
        if ("sku-taken".equals(e.type())) {
            List<String> skus = form.variants().stream().map(ProductForm.VariantRow::sku)
                    .filter(s -> s != null && !s.isBlank()).toList();
            Map<String, VariantSummary> taken = new HashMap<>();
            queries.variantsBySku(skus).stream().filter(v -> !v.productId().equals(self))
                    .forEach(v -> taken.put(v.sku().toLowerCase(Locale.ROOT), v));
            for (int i = 0; i < form.variants().size(); i++) {
                String sku = form.variants().get(i).sku();
                VariantSummary other = sku == null ? null : taken.get(sku.strip().toLowerCase(Locale.ROOT));
                if (other != null) {
                    result.rejectValue("variants[" + i + "].sku", "catalog.conflict.sku-taken",
                            new Object[] {other.sku(), other.productName()}, e.getMessage());
                    placed = true;
                }
            }
        } else if ("barcode-taken".equals(e.type())) {
            for (int i = 0; i < form.variants().size(); i++) {
                String barcode = form.variants().get(i).barcode();
                if (barcode == null || barcode.isBlank()) {
                    continue;
                }
                VariantSummary other = queries.variantByBarcode(barcode.replace(" ", "")).orElse(null);
                if (other != null && !other.productId().equals(self)) {
                    result.rejectValue("variants[" + i + "].barcode", "catalog.conflict.barcode-taken",
                            new Object[] {barcode, other.productName()}, e.getMessage());
                    placed = true;
                }
            }
        }
        if (!placed) {
            model.addAttribute("catalogConflict", e.type());
        }
    }

    private String form(Model model, ProductView product) {
        model.addAttribute("product", product);
        model.addAttribute("categories", CategoryChoice.flatten(queries.categories()));
        model.addAttribute("statuses", List.of(ProductStatus.values()));
        model.addAttribute("conditions", List.of(app.comptoir.catalog.ItemCondition.values()));
        model.addAttribute("units", Units.KNOWN);
        model.addAttribute("vatRates", VatRates.SUGGESTED.stream().map(ProductForm::plain).toList());
        model.addAttribute("maxImages", ProductImages.MAX_IMAGES);
        return FORM;
    }

    // ---------------------------------------------------------------- actions on a product

    @PostMapping("/products/{id}/status")
    @PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
    String status(@PathVariable UUID id, @RequestParam String status, RedirectAttributes redirect) {
        ProductStatus wanted = Arrays.stream(ProductStatus.values()).filter(s -> s.name().equalsIgnoreCase(status))
                .findFirst().orElseThrow(() -> InvalidInputException.field("status", "must be DRAFT, ACTIVE or ARCHIVED"));
        try {
            products.changeStatus(id, wanted);
            redirect.addFlashAttribute("flash", "catalog.product.status." + wanted.name());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("catalogConflict", e.type());
        }
        return "redirect:/app/catalog/products/" + id;
    }

    @PostMapping("/products/{id}/duplicate")
    @PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
    String duplicate(@PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
        ProductView original = products.get(id);
        String name = messages.getMessage("catalog.product.copyName", new Object[] {original.name()}, locale);
        ProductView copy = products.duplicate(id, name.length() > 200 ? original.name() : name, null);
        redirect.addFlashAttribute("flash", "catalog.product.duplicated");
        redirect.addFlashAttribute("flashArgument", original.name());
        return "redirect:/app/catalog/products/" + copy.id();
    }

    @PostMapping("/products/{id}/delete")
    @PreAuthorize("@rolePermissions.has('PRODUCT_DELETE')")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        ProductView product = products.get(id);
        products.delete(id);
        redirect.addFlashAttribute("flash", "catalog.product.deleted");
        redirect.addFlashAttribute("flashArgument", product.name());
        return "redirect:/app/catalog/products";
    }

    /**
     * Saves descriptions into several products at once: the texts kept on the assistant's bulk page (a
     * {@code productId} per kept text, its text in {@code description-<id>}). All or none: a refused text (too long)
     * sends back to the page, which still has every text.
     */
    @PostMapping("/products/descriptions")
    @PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
    String descriptions(HttpServletRequest request, RedirectAttributes redirect) {
        String back = request.getParameter("back");
        String page = back != null && back.matches("/app/[A-Za-z0-9/_-]*") ? back : "/app/catalog/products";
        String[] ids = request.getParameterValues("productId");
        Map<UUID, String> texts = new java.util.LinkedHashMap<>();
        for (String value : ids == null ? new String[0] : ids) {
            UUID id = uuid(value);
            if (id != null) {
                String text = request.getParameter("description-" + id);
                texts.put(id, text == null ? "" : text);
            }
        }
        if (texts.isEmpty()) {
            redirect.addFlashAttribute("catalogConflict", "no-selection");
            return "redirect:" + page;
        }
        try {
            int changed = products.replaceDescriptions(texts);
            redirect.addFlashAttribute("flash", "catalog.descriptions.saved");
            redirect.addFlashAttribute("flashArgument", changed);
            return "redirect:/app/catalog/products";
        } catch (InvalidInputException | NotFoundException e) {
            redirect.addFlashAttribute("catalogConflict", "descriptions-refused");
            return "redirect:" + page;
        }
    }

    // ---------------------------------------------------------------- pictures

    /** The picture (or its thumbnail) for the pages: the API's address needs a bearer token a browser lacks. */
    @GetMapping("/products/{id}/images/{imageId}")
    ResponseEntity<Resource> image(@PathVariable UUID id, @PathVariable UUID imageId,
                                   @RequestParam(defaultValue = "false") boolean thumb) {
        ProductImages.ImageFile file = images.file(id, imageId, thumb);
        FileSystemResource resource = new FileSystemResource(file.path());
        if (!resource.exists()) {
            throw new NotFoundException("Image file", imageId);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePrivate().immutable())
                .body(resource);
    }

    @PostMapping("/products/{id}/images")
    @PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
    String upload(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
                  RedirectAttributes redirect, Locale locale) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.field("file", "is required");
            }
            images.add(id, file.getBytes(), file.getOriginalFilename());
            redirect.addFlashAttribute("flash", "catalog.image.added");
        } catch (InvalidInputException e) {
            InvalidInputException.FieldError error = e.errors().getFirst();
            redirect.addFlashAttribute("imageError",
                    messages.getMessage(CatalogFormErrors.message(error.field(), error.message()), locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("imageError", messages.getMessage("catalog.image.conflict." + e.type(),
                    new Object[] {ProductImages.MAX_IMAGES}, e.getMessage(), locale));
        }
        return "redirect:/app/catalog/products/" + id + "#images";
    }

    @PostMapping("/products/{id}/images/{imageId}/delete")
    @PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
    String deleteImage(@PathVariable UUID id, @PathVariable UUID imageId, RedirectAttributes redirect) {
        images.delete(id, imageId);
        redirect.addFlashAttribute("flash", "catalog.image.deleted");
        return "redirect:/app/catalog/products/" + id + "#images";
    }

    private static UUID uuid(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static BigDecimal number(String text) {
        try {
            BigDecimal value = ProductForm.parseNumber(text);
            return value == null || value.scale() > 2 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
