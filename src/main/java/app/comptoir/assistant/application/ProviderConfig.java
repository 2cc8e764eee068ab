package app.comptoir.assistant.application;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The provider a business's descriptions are written by, resolved from its own settings and the deployment's:
 * {@code version} identifies the business's settings (0 for the deployment's), so a cached client is rebuilt when
 * they change. The API key is in clear here only, in memory, for the call.
 */
public record ProviderConfig(ProviderKind kind, String model, String baseUrl, String apiKey, Duration timeout,
                             int maxRetries, BigDecimal pricePer1kIn, BigDecimal pricePer1kOut, long version) {

    /** The writer's name in cache keys and answers: {@code builtin}, or {@code openai:gpt-4o-mini}. */
    public String writer() {
        return kind == ProviderKind.BUILTIN ? "builtin" : kind.key() + ":" + model;
    }

    @Override
    public String toString() {
        return "ProviderConfig[" + kind.key() + ", " + model + ", " + baseUrl + ", key " + (apiKey == null ? "none" : "set")
                + "]";
    }
}
