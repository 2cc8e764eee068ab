package app.comptoir.reporting.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.comptoir.catalog.CategoryNode;

/** The top-level categories ("departments") that statistics group by, and the department of every category. */
public final class Departments {

    private final Map<UUID, UUID> departmentOf = new HashMap<>();
    private final Map<UUID, String> names = new HashMap<>();

    public Departments(List<CategoryNode> tree) {
        for (CategoryNode root : tree) {
            names.put(root.id(), root.name());
            mark(root, root.id());
        }
    }

    /** The top-level category of this one (itself when it is one; null for no category). */
    public UUID of(UUID categoryId) {
        return categoryId == null ? null : departmentOf.getOrDefault(categoryId, categoryId);
    }

    /** A department's name (null for no category). */
    public String name(UUID departmentId) {
        return departmentId == null ? null : names.get(departmentId);
    }

    private void mark(CategoryNode node, UUID root) {
        departmentOf.put(node.id(), root);
        node.children().forEach(child -> mark(child, root));
    }
}
