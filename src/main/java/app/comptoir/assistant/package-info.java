/**
 * Assistant: product descriptions written by a language model (Ollama or any OpenAI-compatible service, chosen by
 * the deployment and overridable per business) or, without one, by a deterministic built-in writer; the texts are
 * cached per business in PostgreSQL, and what the provider cost and the cache saved is counted per business.
 *
 * The chat agent ({@link app.comptoir.assistant.AssistantChat}) answers staff with tools over the catalog, stock and
 * sales, under the user's own permissions; it drafts quotes, and places an order only when the user's next message
 * confirms the proposal the server showed.
 *
 * <p>The root package is the published API ({@link app.comptoir.assistant.ProductDescriptions},
 * {@link app.comptoir.assistant.AssistantChat} and their records).
 * Internals: {@code web} (the JSON API and the editor on the product page), {@code application} (settings,
 * providers), {@code domain} (the built-in writer, the prompt, the cache key, costs; framework-free) and
 * {@code persistence} (every SQL text). Not built yet: bulk generation, semantic search, the chat page, the storefront's chat.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistant",
        allowedDependencies = {"catalog", "inventory", "sales", "identity", "platform"})
package app.comptoir.assistant;
