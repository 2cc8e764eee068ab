package app.comptoir.identity.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Which tenant and user a login e-mail belongs to; e-mails are unique across the whole deployment. */
@Entity
@Table(name = "login_directory")
public class LoginDirectoryEntry {

    @Id
    private String email;
    private UUID tenantId;
    private UUID userId;

    protected LoginDirectoryEntry() {
    }

    public LoginDirectoryEntry(String email, UUID tenantId, UUID userId) {
        this.email = email;
        this.tenantId = tenantId;
        this.userId = userId;
    }

    public String getEmail() {
        return email;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public UUID getUserId() {
        return userId;
    }
}
