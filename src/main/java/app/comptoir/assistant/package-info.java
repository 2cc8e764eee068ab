/**
 * Assistant: product descriptions written by a language model (Ollama or any OpenAI-compatible service, chosen by
 * the deployment and overridable per business) or, without one, by a deterministic built-in writer; the texts are
 * cached per business in PostgreSQL, and what the provider cost and the cache saved is counted per business.
 *
 * <p>The root package is the published API ({@link app.comptoir.assistant.ProductDescriptions} and its records).
 * Internals: {@code web} (the JSON API and the editor on the product page), {@code application} (settings,
 * providers), {@code domain} (the built-in writer, the prompt, the cache key, costs; framework-free) and
 * {@code persistence} (every SQL text). Not built yet: bulk generation, semantic search, the chat agent.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistant",
        allowedDependencies = {"catalog", "identity", "platform"})
package app.comptoir.assistant;
