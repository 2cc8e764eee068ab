package app.comptoir.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.identity.domain.LoginDirectoryEntry;
import app.comptoir.identity.domain.LoginEmail;
import app.comptoir.identity.domain.PasswordPolicy;
import app.comptoir.identity.domain.UserAccount;
import app.comptoir.identity.persistence.LoginDirectoryRepository;
import app.comptoir.identity.persistence.RefreshTokenRepository;
import app.comptoir.identity.persistence.UserDirectoryStore;
import app.comptoir.identity.persistence.UserAccountRepository;
import app.comptoir.platform.AccountStatus;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.Role;
import app.comptoir.platform.TenantContext;

/** Users of the current tenant: list, create, edit, enable or disable, and soft delete. */
@Service
public class Users {

    private static final List<String> SORTABLE = List.of("name", "email", "created_at", "last_login_at");

    private final UserAccountRepository users;
    private final LoginDirectoryRepository directory;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordEncoder passwords;
    private final TenantContext tenantContext;
    private final Clock clock;
    private final AccountStatus accounts;
    private final Permissions permissions;
    private final UserDirectoryStore enabledUsers;
    private final BusinessQuotas quotas;

    Users(UserAccountRepository users, LoginDirectoryRepository directory, RefreshTokenRepository refreshTokens,
                PasswordEncoder passwords, TenantContext tenantContext, Clock clock, AccountStatus accounts, Permissions permissions,
                UserDirectoryStore enabledUsers, BusinessQuotas quotas) {
        this.enabledUsers = enabledUsers;
        this.quotas = quotas;
        this.permissions = permissions;
        this.accounts = accounts;
        this.users = users;
        this.directory = directory;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.tenantContext = tenantContext;
        this.clock = clock;
    }

    /** A new user: e-mail, display name, initial password and roles. */
    public record NewUser(String email, String name, String password, Set<Role> roles) {
    }

    /** Changes to a user; a null password keeps the current one. */
    public record UserChanges(String email, String name, Set<Role> roles, String password) {
    }

    /** Users of the tenant, filtered by role, text (name or e-mail) and status. */
    @Transactional(readOnly = true)
    public PageResponse<UserView> list(Role role, String q, Boolean enabled, int page, int size, String sort) {
        String column = sort == null || sort.isBlank() ? "name" : sort.replace("-", "");
        if (column.equals("createdAt")) {
            column = "created_at";
        } else if (column.equals("lastLoginAt")) {
            column = "last_login_at";
        }
        if (!SORTABLE.contains(column)) {
            throw InvalidInputException.field("sort", "must be one of name, email, createdAt, lastLoginAt (prefix - for descending)");
        }
        Sort order = sort != null && sort.startsWith("-") ? Sort.by(column).descending() : Sort.by(column);
        String pattern = q == null || q.isBlank() ? null : "%" + q.trim().toLowerCase(Locale.ROOT) + "%";
        return PageResponse.of(users.search(tenantContext.requireTenant(), role == null ? null : role.name(), pattern,
                enabled, PageRequests.of(page, size, order)), Users::view);
    }

    /**
     * Every enabled user of the current business, by name, in one statement: for work done after each order (who
     * to notify), not for screens (use {@link #list}, which pages and checks nothing more).
     */
    @Transactional(readOnly = true)
    public List<UserView> enabled() {
        return enabledUsers.enabled(tenantContext.requireTenant());
    }

    @Transactional(readOnly = true)
    public UserView get(UUID id) {
        return view(load(id));
    }

    @Transactional
    public UserView create(NewUser request) {
        permissions.require(Permission.USERS_MANAGE);
        String email = LoginEmail.normalize(request.email());
        String name = checkName(request.name());
        Set<Role> roles = checkRoles(request.roles());
        PasswordPolicy.check("password", request.password(), email);
        UUID tenantId = tenantContext.requireTenant();
        quotas.requireRoomForUser();
        claimEmail(email);
        UserAccount user = new UserAccount(Ids.newId(), tenantId, email, name, passwords.encode(request.password()), roles);
        users.save(user);
        directory.save(new LoginDirectoryEntry(email, tenantId, user.getId()));
        return view(user);
    }

    @Transactional
    public UserView update(UUID id, UserChanges changes) {
        permissions.require(Permission.USERS_MANAGE);
        UserAccount user = load(id);
        String email = LoginEmail.normalize(changes.email());
        String name = checkName(changes.name());
        Set<Role> roles = checkRoles(changes.roles());
        if (user.getRoles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            guardSelf(user, "remove your own administrator role");
            // a disabled administrator is not one of the active ones the tenant must keep
            if (user.isEnabled()) {
                guardLastAdmin(user);
            }
        }
        if (!email.equals(user.getEmail())) {
            claimEmail(email);
            directory.deleteById(user.getEmail());
            directory.flush();
            directory.save(new LoginDirectoryEntry(email, user.getTenantId(), user.getId()));
        }
        if (changes.password() != null && !changes.password().isEmpty()) {
            PasswordPolicy.check("password", changes.password(), email);
            user.changePasswordHash(passwords.encode(changes.password()));
            // an administrator's reset ends every session and token of the user, their own included
            user.revokeTokens();
            refreshTokens.revokeAllOfUser(user.getTenantId(), user.getId(), Instant.now(clock));
        }
        user.rename(email, name);
        user.setRoles(roles);
        users.flush();
        accounts.evict(user.getId());
        return view(user);
    }

    /** Enables or disables a user; disabling revokes their refresh tokens. */
    @Transactional
    public UserView setEnabled(UUID id, boolean enabled) {
        permissions.require(Permission.USERS_MANAGE);
        UserAccount user = load(id);
        if (!enabled && user.isEnabled()) {
            guardSelf(user, "disable your own account");
            if (user.getRoles().contains(Role.ADMIN)) {
                guardLastAdmin(user);
            }
            refreshTokens.revokeAllOfUser(user.getTenantId(), user.getId(), Instant.now(clock));
        }
        user.setEnabled(enabled);
        users.flush();
        accounts.evict(user.getId());
        return view(user);
    }

    /** Soft-deletes a user (kept for history); their e-mail becomes free again. */
    @Transactional
    public void delete(UUID id) {
        permissions.require(Permission.USERS_MANAGE);
        UserAccount user = load(id);
        guardSelf(user, "delete your own account");
        if (user.getRoles().contains(Role.ADMIN) && user.isEnabled()) {
            guardLastAdmin(user);
        }
        Instant now = Instant.now(clock);
        user.delete(now, tenantContext.principal().map(ComptoirPrincipal::userId).orElse(null));
        directory.deleteById(user.getEmail());
        refreshTokens.revokeAllOfUser(user.getTenantId(), user.getId(), now);
        users.flush();
        accounts.evict(user.getId());
    }

    private UserAccount load(UUID id) {
        return users.findLive(tenantContext.requireTenant(), id).orElseThrow(() -> new NotFoundException("User", id));
    }

    private void claimEmail(String email) {
        if (directory.existsById(email)) {
            throw new ConflictException("email-taken", "An account already exists with this e-mail address");
        }
    }

    private void guardSelf(UserAccount user, String what) {
        tenantContext.principal().filter(p -> p.userId().equals(user.getId())).ifPresent(p -> {
            throw new ConflictException("self-change-refused", "You cannot " + what);
        });
    }

    private void guardLastAdmin(UserAccount user) {
        if (users.countActiveAdmins(user.getTenantId()) <= 1) {
            throw new ConflictException("last-admin", "The tenant must keep at least one active administrator");
        }
    }

    private static String checkName(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 120) {
            throw InvalidInputException.field("name", "must be between 1 and 120 characters");
        }
        return trimmed;
    }

    private static Set<Role> checkRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw InvalidInputException.field("roles", "must contain at least one role");
        }
        return EnumSet.copyOf(roles);
    }

    static UserView view(UserAccount u) {
        return new UserView(u.getId(), u.getEmail(), u.getName(), u.getRoles(), u.isEnabled(), u.getLastLoginAt(),
                u.getCreatedAt(), u.getUpdatedAt());
    }
}
