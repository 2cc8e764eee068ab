package app.comptoir.catalog.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.CategoryNode;
import app.comptoir.catalog.ProductPage;
import app.comptoir.catalog.ProductQuery;
import app.comptoir.catalog.application.Categories;
import app.comptoir.catalog.application.CategoryView;
import app.comptoir.catalog.application.DeletedCategory;
import app.comptoir.platform.PageResponse;

/** The category tree: list, tree, create, rename or move, reorder, delete when empty, and its products. */
@RestController
@RequestMapping("/api/v1/categories")
@Tag(name = "Catalog")
class CategoryController {

    private final Categories categories;
    private final CatalogQueries queries;

    CategoryController(Categories categories, CatalogQueries queries) {
        this.categories = categories;
        this.queries = queries;
    }

    record CategoryRequest(String name, UUID parentId, Integer position) {
    }

    record ReorderRequest(UUID parentId, List<UUID> orderedIds) {
    }

    @GetMapping
    @Operation(summary = "Categories, flat and paged, in tree order; parentId keeps one level, topLevel=true the top one")
    PageResponse<CategoryView> list(@RequestParam(required = false) UUID parentId,
                                    @RequestParam(defaultValue = "false") boolean topLevel,
                                    @RequestParam(required = false) String q,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        return categories.list(parentId, topLevel, q, page, size);
    }

    @GetMapping("/all")
    @Operation(summary = "The whole tree, unpaginated, with product counts (sub-categories included)")
    List<CategoryNode> all() {
        return queries.categories();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A category with its path and product count")
    CategoryView get(@PathVariable UUID id) {
        return categories.get(id);
    }

    @GetMapping("/{id}/products")
    @Operation(summary = "Products of a category and its sub-categories (same parameters as GET /products)")
    ProductPage products(@PathVariable UUID id, @RequestParam(required = false) String q,
                         @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "20") int size,
                         @RequestParam(defaultValue = "false") boolean facets) {
        categories.get(id);
        return queries.search(new ProductQuery(q, id, null, null, null, null, null, sort, page, size, facets));
    }

    @PostMapping
    @Operation(summary = "Create a category (at the end of its siblings unless position is given)")
    ResponseEntity<CategoryView> create(@RequestBody CategoryRequest body) {
        CategoryView view = categories.create(body.name(), body.parentId(), body.position());
        return ResponseEntity.created(URI.create("/api/v1/categories/" + view.id())).body(view);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rename or move a category (parentId null: top level)")
    CategoryView update(@PathVariable UUID id, @RequestBody CategoryRequest body) {
        return categories.update(id, body.name(), body.parentId(), body.position());
    }

    @PostMapping("/reorder")
    @Operation(summary = "Order the sub-categories of parentId (top level when null); name each exactly once")
    List<CategoryView> reorder(@RequestBody ReorderRequest body) {
        return categories.reorder(body.parentId(), body.orderedIds());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an empty category (409 when it has products or sub-categories); it can be restored")
    void delete(@PathVariable UUID id) {
        categories.delete(id);
    }

    @GetMapping("/deleted")
    @Operation(summary = "The deleted categories, most recent first, with the parent a restore would put them under")
    List<DeletedCategory> deleted() {
        return categories.deleted();
    }

    @PostMapping("/{id}/restore")
    @Operation(summary = "Restore a deleted category: under its former parent at its former position when that "
            + "parent is still in the tree (with room below it), else at the end of the top level; 409 when a "
            + "sibling took its name since")
    CategoryView restore(@PathVariable UUID id) {
        return categories.restore(id);
    }
}
