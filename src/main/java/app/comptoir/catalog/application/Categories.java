package app.comptoir.catalog.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.CategoryNode;
import app.comptoir.catalog.domain.Category;
import app.comptoir.catalog.persistence.CategoryProducts;
import app.comptoir.catalog.persistence.CategoryRepository;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;

/**
 * The current tenant's category tree: create, rename, move, reorder siblings, delete when empty and restore.
 * A delete is soft (the row keeps its parent and position, marked deleted) so that it can be restored.
 */
@Service
public class Categories {

    public static final int MAX_DEPTH = 5;

    private final CategoryRepository categories;
    private final CategoryProducts products;
    private final TenantContext tenantContext;
    private final ProductListCache listCache;
    private final Clock clock;
    private final Permissions permissions;

    Categories(CategoryRepository categories, CategoryProducts products, TenantContext tenantContext,
               ProductListCache listCache, Clock clock, Permissions permissions) {
        this.permissions = permissions;
        this.categories = categories;
        this.products = products;
        this.tenantContext = tenantContext;
        this.listCache = listCache;
        this.clock = clock;
    }

    /** The whole tree, top-level categories first, each level in position order. */
    @Transactional(readOnly = true)
    public List<CategoryNode> tree() {
        Tree tree = loadTree();
        return tree.children(null).stream().map(tree::node).toList();
    }

    /** A flat page of categories, optionally under one parent ({@code parentId}) or matching a text. */
    @Transactional(readOnly = true)
    public PageResponse<CategoryView> list(UUID parentId, boolean topLevel, String q, int page, int size) {
        PageRequests.of(page, size, org.springframework.data.domain.Sort.unsorted());
        Tree tree = loadTree();
        String needle = q == null || q.isBlank() ? null : q.trim().toLowerCase(Locale.ROOT);
        List<CategoryView> all = new ArrayList<>();
        tree.walk(null, c -> {
            boolean parentOk = topLevel ? c.getParentId() == null : parentId == null || parentId.equals(c.getParentId());
            if (parentOk && (needle == null || c.getName().toLowerCase(Locale.ROOT).contains(needle))) {
                all.add(tree.view(c));
            }
        });
        int from = Math.min(all.size(), page * size);
        return new PageResponse<>(all.subList(from, Math.min(all.size(), from + size)), all.size(), page, size);
    }

    @Transactional(readOnly = true)
    public CategoryView get(UUID id) {
        Tree tree = loadTree();
        Category category = tree.byId.get(id);
        if (category == null) {
            throw new NotFoundException("Category", id);
        }
        return tree.view(category);
    }

    /** Creates a category at the end of its siblings (or at {@code position}). */
    @Transactional
    public CategoryView create(String name, UUID parentId, Integer position) {
        permissions.require(Permission.CATEGORY_WRITE);
        UUID tenantId = tenantContext.requireTenant();
        String clean = checkName(name);
        checkPosition(position);
        Tree tree = loadTree();
        if (parentId != null) {
            if (!tree.byId.containsKey(parentId)) {
                throw InvalidInputException.field("parentId", "no such category");
            }
            if (tree.depth(parentId) >= MAX_DEPTH) {
                throw InvalidInputException.field("parentId", "categories nest at most " + MAX_DEPTH + " levels deep");
            }
        }
        checkSiblingName(tenantId, parentId, clean, null);
        List<Category> siblings = new ArrayList<>(tree.children(parentId));
        Category category = new Category(Ids.newId(), tenantId, parentId, clean, siblings.size());
        int at = position == null ? siblings.size() : Math.clamp(position, 0, siblings.size());
        siblings.add(at, category);
        categories.save(category);
        renumber(siblings);
        categories.flush();
        listCache.invalidate(tenantId);
        return get(category.getId());
    }

    /** Renames and possibly moves a category (under another parent, never under itself or its descendants). */
    @Transactional
    public CategoryView update(UUID id, String name, UUID parentId, Integer position) {
        permissions.require(Permission.CATEGORY_WRITE);
        UUID tenantId = tenantContext.requireTenant();
        String clean = checkName(name);
        checkPosition(position);
        Tree tree = loadTree();
        Category category = tree.byId.get(id);
        if (category == null) {
            throw new NotFoundException("Category", id);
        }
        if (parentId != null) {
            if (!tree.byId.containsKey(parentId)) {
                throw InvalidInputException.field("parentId", "no such category");
            }
            if (parentId.equals(id) || tree.isAncestor(id, parentId)) {
                throw InvalidInputException.field("parentId", "a category cannot be moved under itself or one of its sub-categories");
            }
            if (tree.depth(parentId) + tree.height(id) > MAX_DEPTH) {
                throw InvalidInputException.field("parentId", "categories nest at most " + MAX_DEPTH + " levels deep");
            }
        }
        checkSiblingName(tenantId, parentId, clean, id);
        category.rename(clean);
        boolean moved = !java.util.Objects.equals(parentId, category.getParentId());
        if (moved || position != null) {
            List<Category> oldSiblings = new ArrayList<>(tree.children(category.getParentId()));
            oldSiblings.remove(category);
            renumber(oldSiblings);
            List<Category> newSiblings = moved ? new ArrayList<>(tree.children(parentId)) : oldSiblings;
            int at = position == null ? newSiblings.size() : Math.clamp(position, 0, newSiblings.size());
            newSiblings.add(at, category);
            category.moveTo(parentId, at);
            renumber(newSiblings);
        }
        categories.flush();
        listCache.invalidate(tenantId);
        return get(id);
    }

    /** Puts the children of {@code parentId} (top level when null) in the given order; every child must be named once. */
    @Transactional
    public List<CategoryView> reorder(UUID parentId, List<UUID> orderedIds) {
        permissions.require(Permission.CATEGORY_WRITE);
        Tree tree = loadTree();
        if (parentId != null && !tree.byId.containsKey(parentId)) {
            throw InvalidInputException.field("parentId", "no such category");
        }
        List<Category> siblings = tree.children(parentId);
        Set<UUID> expected = new HashSet<>();
        siblings.forEach(c -> expected.add(c.getId()));
        if (orderedIds == null || orderedIds.size() != expected.size() || !expected.equals(new HashSet<>(orderedIds))) {
            throw InvalidInputException.field("orderedIds", "must list every sub-category of the parent exactly once ("
                    + expected.size() + " categories)");
        }
        for (int i = 0; i < orderedIds.size(); i++) {
            tree.byId.get(orderedIds.get(i)).placeAt(i);
        }
        categories.flush();
        listCache.invalidate(tenantContext.requireTenant());
        Tree after = loadTree();
        return after.children(parentId).stream().map(after::view).toList();
    }

    /**
     * Deletes an empty category (soft: it can be restored); one with sub-categories or products is refused
     * with a 409 problem. Its siblings close the gap; the category keeps its parent and position for a restore.
     */
    @Transactional
    public void delete(UUID id) {
        permissions.require(Permission.CATEGORY_WRITE);
        UUID tenantId = tenantContext.requireTenant();
        Category category = categories.findByTenantIdAndId(tenantId, id).orElseThrow(() -> new NotFoundException("Category", id));
        if (categories.existsByTenantIdAndParentId(tenantId, id)) {
            throw new ConflictException("category-has-children",
                    "Category '" + category.getName() + "' has sub-categories; move or delete them first");
        }
        long held = products.liveCount(tenantId, id);
        if (held > 0) {
            throw new ConflictException("category-not-empty", "Category '" + category.getName() + "' still holds "
                    + held + (held == 1 ? " product" : " products") + "; move them to another category first");
        }
        List<Category> siblings = new ArrayList<>(loadTree().children(category.getParentId()));
        siblings.removeIf(c -> c.getId().equals(id));
        category.delete(clock.instant(), tenantContext.principal().map(ComptoirPrincipal::userId).orElse(null));
        renumber(siblings);
        categories.flush();
        listCache.invalidate(tenantId);
    }

    /** The deleted categories, most recently deleted first, with the place a restore would give them back. */
    @Transactional(readOnly = true)
    public List<DeletedCategory> deleted() {
        Tree tree = loadTree();
        return categories.findAllDeleted(tenantContext.requireTenant()).stream().map(c -> {
            UUID parent = tree.restoredParent(c);
            return new DeletedCategory(c.getId(), c.getName(), parent,
                    parent == null ? null : tree.path(tree.byId.get(parent)), c.getDeletedAt());
        }).toList();
    }

    /**
     * Puts a deleted category back in the tree: under its former parent at its former position (clamped to the
     * siblings there now) when that parent is still in the tree and has room below it, else at the end of the
     * top level. A sibling that took its name since is a 409, like on creation.
     */
    @Transactional
    public CategoryView restore(UUID id) {
        permissions.require(Permission.CATEGORY_WRITE);
        UUID tenantId = tenantContext.requireTenant();
        Category category = categories.findDeleted(tenantId, id).orElseThrow(() -> new NotFoundException("Category", id));
        Tree tree = loadTree();
        UUID parent = tree.restoredParent(category);
        checkSiblingName(tenantId, parent, category.getName(), id);
        List<Category> siblings = new ArrayList<>(tree.children(parent));
        int at = parent == null && category.getParentId() != null ? siblings.size()
                : Math.clamp(category.getPosition(), 0, siblings.size());
        siblings.add(at, category);
        category.restore(parent, at);
        renumber(siblings);
        categories.flush();
        listCache.invalidate(tenantId);
        return get(id);
    }

    private void checkSiblingName(UUID tenantId, UUID parentId, String name, UUID exceptId) {
        if (categories.siblingNamed(tenantId, parentId, name, exceptId == null ? new UUID(0, 0) : exceptId)) {
            throw new ConflictException("category-name-taken", "A category named '" + name + "' already exists at this level");
        }
    }

    private static String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 80) {
            throw InvalidInputException.field("name", "must be between 1 and 80 characters");
        }
        return clean;
    }

    private static void checkPosition(Integer position) {
        if (position != null && position < 0) {
            throw InvalidInputException.field("position", "must be 0 (first) or more");
        }
    }

    private static void renumber(List<Category> siblings) {
        for (int i = 0; i < siblings.size(); i++) {
            if (siblings.get(i).getPosition() != i) {
                siblings.get(i).placeAt(i);
            }
        }
    }

    private Tree loadTree() {
        UUID tenantId = tenantContext.requireTenant();
        Map<UUID, Long> direct = products.directCounts(tenantId);
        return new Tree(categories.findAllOrdered(tenantId), direct);
    }

    /** The categories in memory (a tenant has tens, not thousands) with their product counts. */
    private static final class Tree {

        final Map<UUID, Category> byId = new LinkedHashMap<>();
        final Map<UUID, List<Category>> childrenOf = new HashMap<>();
        final Map<UUID, Long> directCounts;
        final Map<UUID, Long> totals = new HashMap<>();

        Tree(List<Category> all, Map<UUID, Long> directCounts) {
            this.directCounts = directCounts;
            all.forEach(c -> byId.put(c.getId(), c));
            for (Category c : all) {
                UUID parent = c.getParentId() != null && byId.containsKey(c.getParentId()) ? c.getParentId() : null;
                childrenOf.computeIfAbsent(parent, k -> new ArrayList<>()).add(c);
            }
            childrenOf.values().forEach(list -> list.sort(Comparator.comparingInt(Category::getPosition)
                    .thenComparing(c -> c.getName().toLowerCase(Locale.ROOT))));
        }

        /** Where a restore puts a deleted category: its former parent if still in the tree with room, else the top level. */
        UUID restoredParent(Category deleted) {
            UUID parent = deleted.getParentId();
            return parent != null && byId.containsKey(parent) && depth(parent) < MAX_DEPTH ? parent : null;
        }

        List<Category> children(UUID parentId) {
            return childrenOf.getOrDefault(parentId, List.of());
        }

        long total(UUID id) {
            Long known = totals.get(id);
            if (known != null) {
                return known;
            }
            long sum = directCounts.getOrDefault(id, 0L);
            for (Category child : children(id)) {
                sum += total(child.getId());
            }
            totals.put(id, sum);
            return sum;
        }

        CategoryNode node(Category c) {
            return new CategoryNode(c.getId(), c.getName(), c.getParentId(), c.getPosition(), total(c.getId()),
                    children(c.getId()).stream().map(this::node).toList());
        }

        CategoryView view(Category c) {
            return new CategoryView(c.getId(), c.getName(), c.getParentId(), c.getPosition(), path(c), total(c.getId()));
        }

        String path(Category c) {
            List<String> names = new ArrayList<>();
            for (Category at = c; at != null && names.size() <= MAX_DEPTH + 1; at = at.getParentId() == null ? null
                    : byId.get(at.getParentId())) {
                names.addFirst(at.getName());
            }
            return String.join(" > ", names);
        }

        /** 1 for a top-level category. */
        int depth(UUID id) {
            int depth = 0;
            for (Category at = byId.get(id); at != null && depth <= MAX_DEPTH + 1;
                 at = at.getParentId() == null ? null : byId.get(at.getParentId())) {
                depth++;
            }
            return depth;
        }

        /** 1 for a category without children. */
        int height(UUID id) {
            int max = 0;
            for (Category child : children(id)) {
                max = Math.max(max, height(child.getId()));
            }
            return max + 1;
        }

        boolean isAncestor(UUID ancestorId, UUID of) {
            for (Category at = byId.get(of); at != null; at = at.getParentId() == null ? null : byId.get(at.getParentId())) {
                if (ancestorId.equals(at.getParentId())) {
                    return true;
                }
            }
            return false;
        }

        void walk(UUID parentId, java.util.function.Consumer<Category> visitor) {
            for (Category c : children(parentId)) {
                visitor.accept(c);
                walk(c.getId(), visitor);
            }
        }
    }
}
