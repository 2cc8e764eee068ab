package app.comptoir.catalog.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.application.Categories;
import app.comptoir.catalog.application.CategoryView;
import app.comptoir.catalog.application.DeletedCategory;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Pager;

/**
 * The category tree page: categories indented under their parents, with their product counts, a few
 * top-level branches per page; managers create, rename or move (the form loads when opened), reorder
 * among siblings and delete (refused while it holds products).
 */
@PageController
@RequestMapping("/app/catalog/categories")
class CategoryPages {

    private static final String PAGE = "catalog/categories";
    /** Top-level categories per page, each with its whole branch. */
    static final int BRANCHES_PER_PAGE = 5;

    private final Categories categories;
    private final CatalogQueries queries;

    CategoryPages(Categories categories, CatalogQueries queries) {
        this.categories = categories;
        this.queries = queries;
    }

    /** A category as typed: its name and its parent (blank: top level). */
    record CategoryForm(String name, String parentId) {
    }

    @GetMapping
    String tree(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("form", new CategoryForm("", ""));
        model.addAttribute("categoryPage", page);
        return page(model);
    }

    /**
     * A category's rename-or-move form, loaded when its "Rename or move" opens: each form lists every
     * category as a possible parent, so rendering them all up front made the page grow with the square of
     * the categories (666 KB for the garden shop's sixty).
     */
    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        List<CategoryChoice> all = CategoryChoice.flatten(queries.categories());
        CategoryChoice category = all.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new app.comptoir.platform.NotFoundException("category", id));
        model.addAttribute("c", category);
        model.addAttribute("allCategories", all);
        model.addAttribute("isEditing", false);
        emptyEditForm(model);
        return PAGE + " :: editForm";
    }

    @PostMapping
    @PreAuthorize("@rolePermissions.has('CATEGORY_WRITE')")
    String create(@ModelAttribute("form") CategoryForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        UUID parent = parent(form, result);
        if (result.hasErrors()) {
            return page(model);
        }
        try {
            CategoryView created = categories.create(form.name(), parent, null);
            redirect.addFlashAttribute("flash", "catalog.categories.created");
            redirect.addFlashAttribute("flashArgument", created.name());
            return "redirect:/app/catalog/categories" + pageOf(created.id()) + "#category-" + created.id();
        } catch (InvalidInputException e) {
            CatalogFormErrors.reject(result, e);
        } catch (ConflictException e) {
            result.rejectValue("name", "catalog.conflict." + e.type());
        }
        return page(model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("@rolePermissions.has('CATEGORY_WRITE')")
    String update(@PathVariable UUID id, @ModelAttribute("editForm") CategoryForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        CategoryView category = categories.get(id);
        UUID parent = parent(form, result);
        if (!result.hasErrors()) {
            try {
                // Moving under another parent puts it last there; staying keeps its place.
                categories.update(id, form.name(), parent, null);
                redirect.addFlashAttribute("flash", "catalog.categories.updated");
                redirect.addFlashAttribute("flashArgument", form.name().strip());
                return "redirect:/app/catalog/categories" + pageOf(id) + "#category-" + id;
            } catch (InvalidInputException e) {
                CatalogFormErrors.reject(result, e);
            } catch (ConflictException e) {
                result.rejectValue("name", "catalog.conflict." + e.type());
            }
        }
        model.addAttribute("editing", category.id());
        model.addAttribute("form", new CategoryForm("", ""));
        model.addAttribute("categoryPage", branchPage(CategoryChoice.flatten(queries.categories()), id));
        return page(model);
    }

    /** Moves a category one place up or down among its siblings, through the catalog's reorder. */
    @PostMapping("/{id}/move")
    @PreAuthorize("@rolePermissions.has('CATEGORY_WRITE')")
    String move(@PathVariable UUID id, @RequestParam String direction) {
        CategoryView category = categories.get(id);
        List<UUID> siblings = new ArrayList<>(CategoryChoice.flatten(queries.categories()).stream()
                .filter(c -> Objects.equals(c.parentId(), category.parentId())).map(CategoryChoice::id).toList());
        int at = siblings.indexOf(id);
        int to = "up".equals(direction) ? at - 1 : "down".equals(direction) ? at + 1 : at;
        if (at >= 0 && to >= 0 && to < siblings.size() && to != at) {
            siblings.remove(at);
            siblings.add(to, id);
            categories.reorder(category.parentId(), siblings);
        }
        return "redirect:/app/catalog/categories" + pageOf(id) + "#category-" + id;
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("@rolePermissions.has('CATEGORY_WRITE')")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        CategoryView category = categories.get(id);
        try {
            categories.delete(id);
            redirect.addFlashAttribute("flash", "catalog.categories.deleted");
            redirect.addFlashAttribute("flashArgument", category.name());
            return "redirect:/app/catalog/categories";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("catalogConflict", e.type());
            redirect.addFlashAttribute("conflictName", category.name());
            return "redirect:/app/catalog/categories" + pageOf(id) + "#category-" + id;
        }
    }

    @PostMapping("/{id}/restore")
    @PreAuthorize("@rolePermissions.has('CATEGORY_WRITE')")
    String restore(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            CategoryView restored = categories.restore(id);
            redirect.addFlashAttribute("flash", "catalog.categories.restored");
            redirect.addFlashAttribute("flashArgument", restored.path());
            return "redirect:/app/catalog/categories" + pageOf(id) + "#category-" + id;
        } catch (ConflictException e) {
            redirect.addFlashAttribute("catalogConflict", e.type());
            redirect.addFlashAttribute("conflictName", categories.deleted().stream().filter(d -> d.id().equals(id))
                    .map(DeletedCategory::name).findFirst().orElse(""));
            return "redirect:/app/catalog/categories#deleted-categories";
        }
    }

    /**
     * The page: {@value #BRANCHES_PER_PAGE} top-level categories with everything under them (a branch is
     * never cut), every category for the new category's parent list, and the pager.
     */
    private String page(Model model) {
        List<CategoryChoice> all = CategoryChoice.flatten(queries.categories());
        long branches = all.stream().filter(c -> c.depth() == 0).count();
        int pages = (int) Math.max(1, (branches + BRANCHES_PER_PAGE - 1) / BRANCHES_PER_PAGE);
        Object asked = model.getAttribute("categoryPage");
        int page = Math.clamp(asked instanceof Integer p ? p : 0, 0, pages - 1);
        List<CategoryChoice> shown = new ArrayList<>();
        int branch = -1;
        for (CategoryChoice c : all) {
            if (c.depth() == 0) {
                branch++;
            }
            if (branch / BRANCHES_PER_PAGE == page) {
                shown.add(c);
            }
        }
        List<CategoryChoice> roots = shown.stream().filter(c -> c.depth() == 0).toList();
        model.addAttribute("categories", shown);
        model.addAttribute("allCategories", all);
        model.addAttribute("pager", Pager.of(new PageResponse<>(roots, branches, page, BRANCHES_PER_PAGE),
                UriComponentsBuilder.fromPath("/app/catalog/categories")));
        model.addAttribute("deletedCategories", Boolean.TRUE.equals(model.getAttribute("canEdit"))
                ? categories.deleted() : List.of());
        emptyEditForm(model);
        return PAGE;
    }

    private static void emptyEditForm(Model model) {
        if (!model.containsAttribute("editForm")) {
            model.addAttribute("editForm", new CategoryForm("", ""));
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "editForm",
                    new BeanPropertyBindingResult(model.getAttribute("editForm"), "editForm"));
        }
    }

    /** The query that opens the page holding the category ("" for the first page). */
    private String pageOf(UUID id) {
        int page = branchPage(CategoryChoice.flatten(queries.categories()), id);
        return page == 0 ? "" : "?page=" + page;
    }

    /** The page of the category's top-level branch (0 when it is not found). */
    private static int branchPage(List<CategoryChoice> all, UUID id) {
        int branch = -1;
        for (CategoryChoice c : all) {
            if (c.depth() == 0) {
                branch++;
            }
            if (c.id().equals(id)) {
                return Math.max(0, branch) / BRANCHES_PER_PAGE;
            }
        }
        return 0;
    }

    private static UUID parent(CategoryForm form, BindingResult result) {
        if (form.parentId() == null || form.parentId().isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(form.parentId().strip());
        } catch (IllegalArgumentException e) {
            result.rejectValue("parentId", "catalog.invalid.category");
            return null;
        }
    }
}
