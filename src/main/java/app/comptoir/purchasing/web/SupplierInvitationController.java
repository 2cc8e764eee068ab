package app.comptoir.purchasing.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import app.comptoir.purchasing.application.SupplierInvitations;
import app.comptoir.purchasing.application.SupplierInvitations.InvitationView;

/** Inviting a manual supplier to join Comptoir (the link is e-mailed to it). */
@RestController
@Tag(name = "Purchasing: suppliers")
class SupplierInvitationController {

    private final SupplierInvitations invitations;

    SupplierInvitationController(SupplierInvitations invitations) {
        this.invitations = invitations;
    }

    record InvitationRequest(String email) {
    }

    @PostMapping("/api/v1/suppliers/{id}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite the supplier to register on Comptoir (e-mail: the supplier's own when left out)",
            description = "The link works once, 7 days. 409 supplier-already-registered when it is linked already.")
    InvitationView invite(@PathVariable UUID id, @RequestBody(required = false) InvitationRequest body) {
        return invitations.invite(id, body == null ? null : body.email());
    }
}
