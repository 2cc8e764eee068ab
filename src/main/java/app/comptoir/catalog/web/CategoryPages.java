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

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.application.Categories;
import app.comptoir.catalog.application.CategoryView;
import app.comptoir.catalog.application.DeletedCategory;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;

/**
 * The category tree page: every category indented under its parent, with its product count; managers
 * create, rename or move, reorder among siblings and delete (refused while it holds products).
 */
@PageController
@RequestMapping("/app/catalog/categories")
class CategoryPages {

    private static final String PAGE = "catalog/categories";

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
    String tree(Model model) {
        model.addAttribute("form", new CategoryForm("", ""));
        return page(model);
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
            return "redirect:/app/catalog/categories#category-" + created.id();
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
                return "redirect:/app/catalog/categories#category-" + id;
            } catch (InvalidInputException e) {
                CatalogFormErrors.reject(result, e);
            } catch (ConflictException e) {
                result.rejectValue("name", "catalog.conflict." + e.type());
            }
        }
        model.addAttribute("editing", category.id());
        model.addAttribute("form", new CategoryForm("", ""));
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
        return "redirect:/app/catalog/categories#category-" + id;
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
            return "redirect:/app/catalog/categories#category-" + id;
        }
    }

    @PostMapping("/{id}/restore")
    @PreAuthorize("@rolePermissions.has('CATEGORY_WRITE')")
    String restore(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            CategoryView restored = categories.restore(id);
            redirect.addFlashAttribute("flash", "catalog.categories.restored");
            redirect.addFlashAttribute("flashArgument", restored.path());
            return "redirect:/app/catalog/categories#category-" + id;
        } catch (ConflictException e) {
            redirect.addFlashAttribute("catalogConflict", e.type());
            redirect.addFlashAttribute("conflictName", categories.deleted().stream().filter(d -> d.id().equals(id))
                    .map(DeletedCategory::name).findFirst().orElse(""));
            return "redirect:/app/catalog/categories#deleted-categories";
        }
    }

    private String page(Model model) {
        model.addAttribute("categories", CategoryChoice.flatten(queries.categories()));
        model.addAttribute("deletedCategories", Boolean.TRUE.equals(model.getAttribute("canEdit"))
                ? categories.deleted() : List.of());
        if (!model.containsAttribute("editForm")) {
            model.addAttribute("editForm", new CategoryForm("", ""));
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "editForm",
                    new BeanPropertyBindingResult(model.getAttribute("editForm"), "editForm"));
        }
        return PAGE;
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
