package app.comptoir.catalog.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import app.comptoir.platform.AuditTrail;
import app.comptoir.platform.TenantOwnedEntity;

/** A node of the tenant's category tree, placed among its siblings by {@code position}. */
@Entity
@Table(name = "categories")
@AuditTrail("category")
public class Category extends TenantOwnedEntity {

    @Column(name = "parent_id")
    private UUID parentId;

    private String name;

    private int position;

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
