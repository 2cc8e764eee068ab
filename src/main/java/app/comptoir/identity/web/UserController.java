package app.comptoir.identity.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import app.comptoir.identity.UserView;
import app.comptoir.identity.Users;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Role;

/** Users of the caller's tenant. Administrators manage them; managers may list drivers. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UserController {

    private final Users users;

    UserController(Users users) {
        this.users = users;
    }

    record CreateUserRequest(@NotBlank String email, @NotBlank String name, @NotBlank String password,
                             @NotEmpty Set<Role> roles) {
    }

    record UpdateUserRequest(@NotBlank String email, @NotBlank String name, @NotEmpty Set<Role> roles,
                             String password) {
    }

    record StatusRequest(@NotNull Boolean enabled) {
    }

    record RoleInfo(Role role, String description) {
    }

    @GetMapping
    @PreAuthorize("@rolePermissions.has('USERS_MANAGE') or (#role != null and #role.name() == 'DRIVER' and @rolePermissions.has('ORDERS_WRITE'))")
    @Operation(summary = "Users, filtered by role, text and status; sort by name, email, createdAt, lastLoginAt (prefix - for descending)")
    PageResponse<UserView> list(@RequestParam(required = false) Role role, @RequestParam(required = false) String q,
                                @RequestParam(required = false) Boolean enabled,
                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                                @RequestParam(defaultValue = "name") String sort) {
        return users.list(role, q, enabled, page, size, sort);
    }

    @GetMapping("/roles")
    @Operation(summary = "The roles a user can hold")
    List<RoleInfo> roles() {
        return Arrays.stream(Role.values()).map(r -> new RoleInfo(r, switch (r) {
            case ADMIN -> "Everything, including users, settings and the audit trail";
            case MANAGER -> "Catalog, stock, orders and suppliers";
            case DRIVER -> "Deliveries assigned to them";
            case VIEWER -> "Read only";
        })).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("@rolePermissions.has('USERS_MANAGE')")
    UserView get(@PathVariable UUID id) {
        return users.get(id);
    }

    @PostMapping
    @Operation(summary = "Create a user")
    ResponseEntity<UserView> create(@Valid @RequestBody CreateUserRequest body) {
        UserView created = users.create(new Users.NewUser(body.email(), body.name(), body.password(), body.roles()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a user (password optional)")
    UserView update(@PathVariable UUID id, @Valid @RequestBody UpdateUserRequest body) {
        return users.update(id, new Users.UserChanges(body.email(), body.name(), body.roles(), body.password()));
    }

    @PatchMapping("/{id}/status")
    @Operation(summary = "Enable or disable a user")
    UserView status(@PathVariable UUID id, @Valid @RequestBody StatusRequest body) {
        return users.setEnabled(id, body.enabled());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a user (soft: kept in the audit trail, e-mail freed)")
    void delete(@PathVariable UUID id) {
        users.delete(id);
    }
}
