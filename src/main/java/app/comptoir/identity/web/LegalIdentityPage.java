package app.comptoir.identity.web;

import java.io.IOException;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.comptoir.identity.LegalIdentities;
import app.comptoir.identity.LegalIdentity;
import app.comptoir.platform.FormErrors;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;

/** "Identité légale": the administrator enters what the business's documents print as the seller. */
@PageController
@RequestMapping("/app/settings/legal")
@PreAuthorize("@rolePermissions.has('SETTINGS_MANAGE')")
class LegalIdentityPage {

    private static final String VIEW = "identity/legal";

    private final LegalIdentities identities;

    LegalIdentityPage(LegalIdentities identities) {
        this.identities = identities;
    }

    /** The form: every field of the identity but the logo (uploaded apart). */
    record LegalForm(String legalName, String legalForm, String addressLine1, String addressLine2, String postalCode,
                     String city, String country, String siren, String siret, String vatNumber, String ninea,
                     String rccm, String iban, String bic, String bankName, Integer paymentDays, String paymentTerms,
                     String legalMentions) {

        static LegalForm of(LegalIdentity i) {
            return new LegalForm(i.legalName(), i.legalForm(), i.addressLine1(), i.addressLine2(), i.postalCode(),
                    i.city(), i.country(), i.siren(), i.siret(), i.vatNumber(), i.ninea(), i.rccm(), i.iban(), i.bic(),
                    i.bankName(), i.paymentDays(), i.paymentTerms(), i.legalMentions());
        }

        LegalIdentity identity() {
            return new LegalIdentity(legalName, legalForm, addressLine1, addressLine2, postalCode, city, country, siren,
                    siret, vatNumber, ninea, rccm, iban, bic, bankName, paymentDays, paymentTerms, legalMentions, false);
        }
    }

    @GetMapping
    String page(Model model) {
        LegalIdentity identity = identities.forSettings();
        model.addAttribute("form", LegalForm.of(identity));
        return view(model, identity.hasLogo());
    }

    @PostMapping
    String update(@ModelAttribute("form") LegalForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                identities.update(form.identity());
                redirect.addFlashAttribute("flash", "legal.saved");
                return "redirect:/app/settings/legal";
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            }
        }
        return view(model, identities.current().hasLogo());
    }

    @PostMapping("/logo")
    String uploadLogo(@RequestParam(name = "logo", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        try {
            identities.changeLogo(file == null ? null : file.getBytes());
            redirect.addFlashAttribute("flash", "legal.logo.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("logoError", "legal.logo.invalid");
        }
        return "redirect:/app/settings/legal#logo";
    }

    @PostMapping("/logo/delete")
    String removeLogo(RedirectAttributes redirect) {
        identities.removeLogo();
        redirect.addFlashAttribute("flash", "legal.logo.removed");
        return "redirect:/app/settings/legal#logo";
    }

    @GetMapping("/logo")
    ResponseEntity<byte[]> logo() {
        return identities.logo()
                .map(logo -> ResponseEntity.ok().contentType(MediaType.parseMediaType(logo.mediaType()))
                        .cacheControl(CacheControl.noCache()).body(logo.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private String view(Model model, boolean hasLogo) {
        model.addAttribute("hasLogo", hasLogo);
        return VIEW;
    }
}
