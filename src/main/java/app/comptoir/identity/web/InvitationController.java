package app.comptoir.identity.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import app.comptoir.identity.application.Invitations;
import app.comptoir.identity.application.Invitations.InvitationView;
import app.comptoir.platform.Role;

/** Administrators invite colleagues by e-mail with a role, list the invitations waiting, revoke or resend them. */
@RestController
@RequestMapping("/api/v1/invitations")
@Tag(name = "Users")
class InvitationController {

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    record InvitationRequest(@NotBlank @Size(max = 254) String email, @NotNull Role role) {
    }

    @GetMapping
    @Operation(summary = "The invitations waiting for an answer (status PENDING or EXPIRED), newest first")
    List<InvitationView> open() {
        return invitations.open();
    }

    @PostMapping
    @Operation(summary = "Invite a colleague: an e-mail with a link valid 7 days lets them set a name and a password. "
            + "409 already-a-user, email-taken or already-invited")
    ResponseEntity<InvitationView> invite(@Valid @RequestBody InvitationRequest body) {
        InvitationView created = invitations.invite(body.email(), body.role());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @PostMapping("/{id}/resend")
    @Operation(summary = "Send the invitation again with a new link, valid 7 days; the previous link stops working")
    InvitationView resend(@PathVariable UUID id) {
        return invitations.resend(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke the invitation: its link stops working")
    void revoke(@PathVariable UUID id) {
        invitations.revoke(id);
    }
}
