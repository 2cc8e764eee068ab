package app.comptoir.assistant.web;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.comptoir.assistant.DescriptionRequest;
import app.comptoir.assistant.GeneratedDescription;
import app.comptoir.assistant.Language;
import app.comptoir.assistant.Length;
import app.comptoir.assistant.ProductDescriptions;
import app.comptoir.assistant.TargetPlatform;
import app.comptoir.assistant.Tone;
import app.comptoir.platform.ComptoirException;
import app.comptoir.platform.PageController;

/**
 * The description editor on the product page (the catalog's form includes {@code assistant/editor :: editor}):
 * a preview written with the chosen tone, length and language, regenerated on demand; "use this text" puts it into
 * the product's description field, which the product form then saves.
 */
@PageController
@RequestMapping("/app/assistant/descriptions")
@PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
class DescriptionEditorPages {

    private static final String PREVIEW = "assistant/editor :: preview";

    private final ProductDescriptions descriptions;

    DescriptionEditorPages(ProductDescriptions descriptions) {
        this.descriptions = descriptions;
    }

    @PostMapping("/preview")
    String preview(@RequestParam UUID productId, @RequestParam(defaultValue = "FRIENDLY") Tone tone,
                   @RequestParam(defaultValue = "MEDIUM") Length length,
                   @RequestParam(defaultValue = "FR") Language language,
                   @RequestParam(defaultValue = "false") boolean regenerate, Model model) {
        DescriptionRequest request = new DescriptionRequest(productId, null, TargetPlatform.SHOP, tone, length,
                language);
        try {
            GeneratedDescription text = regenerate ? descriptions.regenerate(request) : descriptions.describe(request);
            model.addAttribute("text", text);
        } catch (ComptoirException e) {
            // Shown in the editor, so the product form stays as it is.
            model.addAttribute("problem", e.type());
        }
        model.addAttribute("productId", productId);
        model.addAttribute("tone", tone);
        model.addAttribute("length", length);
        model.addAttribute("language", language);
        return PREVIEW;
    }
}
