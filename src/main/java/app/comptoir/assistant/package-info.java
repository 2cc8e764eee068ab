/**
 * Assistant: product descriptions written by a language model (Ollama or any OpenAI-compatible service, chosen by
 * the deployment and overridable per business) or, without one, by a deterministic built-in writer; the texts are
 * cached per business in PostgreSQL, and what the provider cost and the cache saved is counted per business.
 *
 * The chat agent ({@link app.comptoir.assistant.AssistantChat}) answers staff with tools over the catalog, stock and
 * sales, under the user's own permissions; it drafts quotes, and places an order only when the user's next message
 * confirms the proposal the server showed.
 *
 * <p>Semantic search: every product is embedded by all-MiniLM-L6-v2, shipped inside the application, kept up to date
 * from the catalog's {@code ProductChanged} events; its similarity ranking is fused with the catalog's full-text one.
 *
 * <p>The root package is the published API ({@link app.comptoir.assistant.ProductDescriptions},
 * {@link app.comptoir.assistant.BulkDescriptions}, {@link app.comptoir.assistant.SemanticSearch}, used by the
 * storefront, {@link app.comptoir.assistant.AssistantChat} and their records). Internals: {@code web} (the JSON API,
 * the editor and the similar products on the product page), {@code application} (settings, providers, the sentence
 * encoder, the embedding index and its listener, the chat), {@code domain} (the built-in writer, the prompt, the cache
 * key, costs, the embedded text, vector arithmetic, the order confirmation; framework-free) and {@code persistence}
 * (every SQL text).
 *
 * <p>The storefront's chat: a signed-in shopper's messages are answered by the same agent
 * ({@link app.comptoir.assistant.AssistantChat#chatAsShopper}) with the shopper's tools only, over the port
 * {@link app.comptoir.assistant.ShopperShop} that the storefront implements (this module may not call it).
 *
 * <p>The booking page's assistant: anonymous visitors of {@code /book/{slug}} ask about opening hours, prices, what to
 * bring and free slots, answered with read-only tools over the bookings module's published
 * {@link app.comptoir.bookings.BookingDesk} (this module depends on bookings, never the reverse), or without a
 * provider by a keyword built-in answer; nothing is stored for a visitor, questions are throttled per address.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistant",
        allowedDependencies = {"catalog", "inventory", "sales", "identity", "platform", "bookings"})
package app.comptoir.assistant;
