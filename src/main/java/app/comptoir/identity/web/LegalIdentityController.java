package app.comptoir.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.identity.LegalIdentities;
import app.comptoir.identity.LegalIdentity;

/** The business's legal identity, printed on its documents (administrators: SETTINGS_MANAGE). */
@RestController
@RequestMapping("/api/v1/tenant/legal-identity")
@Tag(name = "Tenant")
class LegalIdentityController {

    private final LegalIdentities identities;

    LegalIdentityController(LegalIdentities identities) {
        this.identities = identities;
    }

    /** The fields a client may set ({@code hasLogo} is read-only: the logo has its own endpoint). */
    record LegalIdentityRequest(String legalName, String legalForm, String addressLine1, String addressLine2,
                                String postalCode, String city, String country, String siren, String siret,
                                String vatNumber, String ninea, String rccm, String iban, String bic, String bankName,
                                Integer paymentDays, String paymentTerms, String legalMentions) {
    }

    @GetMapping
    @Operation(summary = "The business's legal identity (administrators)")
    LegalIdentity get() {
        return identities.forSettings();
    }

    @PutMapping
    @Operation(summary = "Replace the business's legal identity (administrators): SIREN/SIRET are checked by Luhn, "
            + "a French VAT number by its key, an IBAN by mod 97; every field is optional")
    LegalIdentity update(@RequestBody LegalIdentityRequest body) {
        return identities.update(new LegalIdentity(body.legalName(), body.legalForm(), body.addressLine1(),
                body.addressLine2(), body.postalCode(), body.city(), body.country(), body.siren(), body.siret(),
                body.vatNumber(), body.ninea(), body.rccm(), body.iban(), body.bic(), body.bankName(),
                body.paymentDays(), body.paymentTerms(), body.legalMentions(), false));
    }

    // No "consumes": any body reaches the service, which checks the role first, then the image's own signature.
    @PutMapping("/logo")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Upload the logo printed on documents: PNG or JPEG, at most 512 KB (administrators)")
    void logo(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary"))})
              @RequestBody byte[] image) {
        identities.changeLogo(image);
    }

    @DeleteMapping("/logo")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove the logo (administrators)")
    void removeLogo() {
        identities.removeLogo();
    }
}
