package app.comptoir.assistant.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.assistant.application.ProviderSettings;

/** The business's model provider (its own or the deployment's) and what it cost. Administrators only. */
@RestController
@RequestMapping("/api/v1/ai/settings")
@Tag(name = "Assistant: settings")
@PreAuthorize("@rolePermissions.has('SETTINGS_MANAGE')")
class AssistantSettingsController {

    private final ProviderSettings settings;

    AssistantSettingsController(ProviderSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "The business's provider settings, the provider in effect and the token and cost counters",
            description = "The API key is never returned: apiKeySet and apiKeyHint (its last four characters) only.")
    ProviderSettings.View get() {
        return settings.view();
    }

    @PutMapping
    @Operation(summary = "Set the business's own provider, or go back to the deployment's",
            description = "{provider? (builtin | openai | ollama; null: the deployment's), model?, baseUrl? (http or"
                    + " https; for openai the address that ends before /chat/completions, e.g."
                    + " https://api.openai.com/v1), apiKey? (null keeps the stored one, \"\" removes it; stored"
                    + " encrypted), pricePer1kInputTokens?, pricePer1kOutputTokens? (null: the deployment's)}")
    ProviderSettings.View change(@RequestBody ProviderSettings.Change body) {
        return settings.change(body);
    }
}
