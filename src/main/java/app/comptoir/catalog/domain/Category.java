package app.comptoir.catalog.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.SQLRestriction;

import app.comptoir.platform.AuditTrail;
import app.comptoir.platform.TenantOwnedEntity;

/** A node of the tenant's category tree, placed among its siblings by {@code position}. */
@Entity
@Table(name = "categories")
@AuditTrail("category")
@SQLRestriction("deleted_at is null") // a deleted category stays in the table (to be restored) but nowhere else
public class Category extends TenantOwnedEntity {

    @Column(name = "parent_id")
    private UUID parentId;

    private String name;

    private int position;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "deleted_by")
    private UUID deletedBy;

    protected Category() {
    }

    public Category(UUID id, UUID tenantId, UUID parentId, String name, int position) {
        super(id, tenantId);
        this.parentId = parentId;
        this.name = name;
        this.position = position;
    }

    public void rename(String name) {
        this.name = name;
    }

    public void moveTo(UUID parentId, int position) {
        this.parentId = parentId;
        this.position = position;
    }

    public void placeAt(int position) {
        this.position = position;
    }

    /** Takes the category out of the tree; its parent and position are kept for a restore. */
    public void delete(Instant at, UUID by) {
        this.deletedAt = at;
        this.deletedBy = by;
    }

    /** Puts a deleted category back at {@code position} under {@code parentId} (null: top level). */
    public void restore(UUID parentId, int position) {
        this.deletedAt = null;
        this.deletedBy = null;
        this.parentId = parentId;
        this.position = position;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public UUID getParentId() {
        return parentId;
    }

    public String getName() {
        return name;
    }

    public int getPosition() {
        return position;
    }
}
