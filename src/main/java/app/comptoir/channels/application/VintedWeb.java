package app.comptoir.channels.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Vinted through the logged-in website's own web API ({@code /api/v2/...}), with the account's session: its
 * cookies, {@code X-CSRF-Token} and {@code X-Anon-Id}. Vinted documents none of it and may change it any day, so
 * everything that knows its paths and shapes is here. The address is {@code comptoir.channels.vinted.base-url} when
 * set (tests point it at a local fake), else the site the session came from ({@code https://www.vinted.<cc>}).
 * Logs name the account and the status, never a cookie or a token.
 */
@Component
class VintedWeb implements MarketplaceAdapter {

    private static final Logger log = LoggerFactory.getLogger(VintedWeb.class);
    private static final Pattern VINTED_HOST = Pattern.compile("www\\.vinted\\.[a-z]{2,3}(\\.[a-z]{2})?");
    private static final Pattern CHALLENGE = Pattern.compile("captcha|datadome|challenge|cf-chl|px-captcha",
            Pattern.CASE_INSENSITIVE);

    private final String baseUrl;
    private final JsonMapper json;
    private final HttpClient http;
    private final Duration timeout;

    VintedWeb(@Value("${comptoir.channels.vinted.base-url:}") String baseUrl,
              @Value("${comptoir.channels.vinted.timeout:20s}") Duration timeout, JsonMapper json) {
        this.baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
        this.json = json;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String kind() {
        return "VINTED_WEB";
    }

    @Override
    public Photo uploadPhoto(Credentials credentials, byte[] image, String fileName) {
        String boundary = "comptoir" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String safeName = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo[type]\"\r\n\r\nitem\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo[file]\"; filename=\""
                + safeName + "\"\r\nContent-Type: " + imageType(safeName) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(image);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode answer = send(credentials, "POST", "/api/v2/photos", "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
        return new Photo(answer.path("id").asLong(), answer.path("url").asString(""));
    }

    /** The image's type from its file name's extension (JPEG unless it says PNG or WebP). */
    private static String imageType(String fileName) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".png") ? "image/png" : name.endsWith(".webp") ? "image/webp" : "image/jpeg";
    }

    @Override
    public long publish(Credentials credentials, Item item, List<Photo> photos, UUID uploadSession) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("item", itemFields(item, photos));
        request.put("upload_session_id", uploadSession.toString());
        JsonNode answer = send(credentials, "POST", "/api/v2/item_upload/items", "application/json",
                json.writeValueAsBytes(request));
        long id = answer.path("item").path("id").asLong(0);
        if (id == 0) {
            throw new MarketplaceException(MarketplaceException.Kind.OUTCOME_UNKNOWN, 200,
                    "Vinted answered without an item id");
        }
        return id;
    }

    @Override
    public void update(Credentials credentials, long remoteId, Item item, List<Photo> photos) {
        Map<String, Object> request = new LinkedHashMap<>();
        Map<String, Object> fields = itemFields(item, photos);
        fields.put("id", remoteId);
        request.put("item", fields);
        send(credentials, "PUT", "/api/v2/item_upload/items/" + remoteId, "application/json",
                json.writeValueAsBytes(request));
    }

    @Override
    public void withdraw(Credentials credentials, long remoteId) {
        send(credentials, "POST", "/api/v2/items/" + remoteId + "/delete", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public RemoteItem item(Credentials credentials, long remoteId) {
        return remoteItem(send(credentials, "GET", "/api/v2/items/" + remoteId, null, null).path("item"));
    }

    @Override
    public List<RemoteItem> wardrobe(Credentials credentials) {
        JsonNode answer = send(credentials, "GET", "/api/v2/wardrobe/" + credentials.userId()
                + "/items?page=1&per_page=96&order=relevance", null, null);
        List<RemoteItem> items = new ArrayList<>();
        for (JsonNode item : answer.path("items")) {
            items.add(remoteItem(item));
        }
        return items;
    }

    /**
     * Vinted's lists as its site reads them: {@code GET /api/v2/catalogs} (the category tree, {@code catalogs} nested
     * in each), {@code GET /api/v2/brands?keyword=} ({@code brands}), {@code GET /api/v2/size_groups}
     * ({@code size_groups}, each with its {@code sizes}), {@code GET /api/v2/statuses} (the conditions,
     * {@code statuses}) and {@code GET /api/v2/colors} ({@code colors}); each entry has {@code id} and {@code title}.
     */
    @Override
    public List<ListEntry> list(Credentials credentials, app.comptoir.channels.domain.MappingKind kind, String keyword) {
        List<ListEntry> entries = new ArrayList<>();
        switch (kind) {
            case CATEGORY -> catalogs(send(credentials, "GET", "/api/v2/catalogs", null, null).path("catalogs"), "",
                    entries);
            case BRAND -> {
                String word = keyword == null ? "" : keyword.strip();
                JsonNode answer = send(credentials, "GET", "/api/v2/brands" + (word.isEmpty() ? ""
                        : "?keyword=" + java.net.URLEncoder.encode(word, StandardCharsets.UTF_8)), null, null);
                for (JsonNode brand : answer.path("brands")) {
                    entries.add(new ListEntry(brand.path("id").asLong(), brand.path("title").asString(""), null));
                }
            }
            case SIZE -> {
                for (JsonNode group : send(credentials, "GET", "/api/v2/size_groups", null, null).path("size_groups")) {
                    String name = group.path("description").asString("");
                    if (name.isBlank()) {
                        name = group.path("caption").asString("");
                    }
                    for (JsonNode size : group.path("sizes")) {
                        entries.add(new ListEntry(size.path("id").asLong(), size.path("title").asString(""), name));
                    }
                }
            }
            case CONDITION -> {
                JsonNode answer = send(credentials, "GET", "/api/v2/statuses", null, null);
                JsonNode statuses = answer.has("statuses") ? answer.path("statuses") : answer.path("item_statuses");
                for (JsonNode status : statuses) {
                    entries.add(new ListEntry(status.path("id").asLong(), status.path("title").asString(""), null));
                }
            }
            case COLOUR -> {
                for (JsonNode colour : send(credentials, "GET", "/api/v2/colors", null, null).path("colors")) {
                    entries.add(new ListEntry(colour.path("id").asLong(), colour.path("title").asString(""), null));
                }
            }
        }
        entries.removeIf(e -> e.id() <= 0);
        return entries;
    }

    /** The category tree, flattened: each category with the path of its parents. */
    private static void catalogs(JsonNode nodes, String path, List<ListEntry> entries) {
        for (JsonNode node : nodes) {
            String title = node.path("title").asString("");
            entries.add(new ListEntry(node.path("id").asLong(), title, path.isEmpty() ? null : path));
            catalogs(node.path("catalogs"), path.isEmpty() ? title : path + " › " + title, entries);
        }
    }

    private Map<String, Object> itemFields(Item item, List<Photo> photos) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", item.title());
        fields.put("description", item.description() == null ? "" : item.description());
        fields.put("price", item.price());
        fields.put("currency", item.currency());
        fields.put("catalog_id", item.catalogId());
        fields.put("brand", item.brand());
        if (item.brandId() != null) {
            fields.put("brand_id", item.brandId());
        }
        fields.put("size_id", item.sizeId());
        fields.put("status_id", item.statusId());
        fields.put("color_ids", item.colorIds() == null ? List.of() : item.colorIds());
        fields.put("assigned_photos", photos.stream().map(p -> Map.of("id", p.id(), "orientation", 0)).toList());
        return fields;
    }

    private static RemoteItem remoteItem(JsonNode item) {
        JsonNode price = item.path("price");
        BigDecimal amount = price.isObject() ? new BigDecimal(price.path("amount").asString("0"))
                : new BigDecimal(price.asString("0"));
        String status = item.path("status").asString("");
        boolean sold = item.path("is_sold").asBoolean(false) || "sold".equalsIgnoreCase(status);
        return new RemoteItem(item.path("id").asLong(), item.path("title").asString(""), amount,
                item.path("is_closed").asBoolean(false), item.path("is_reserved").asBoolean(false),
                item.path("is_hidden").asBoolean(false), sold);
    }

    private JsonNode send(Credentials credentials, String method, String path, String contentType, byte[] body) {
        URI uri = URI.create(base(credentials) + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json, text/plain, */*")
                .header("Cookie", credentials.cookies().entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")))
                .header("X-CSRF-Token", credentials.csrfToken() == null ? "" : credentials.csrfToken())
                .header("X-Anon-Id", credentials.anonId() == null ? "" : credentials.anonId())
                .header("Locale", "fr");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.info("Vinted {} {} for user {}: no answer ({})", method, path, credentials.userId(),
                    e.getClass().getSimpleName());
            throw new MarketplaceException(MarketplaceException.Kind.OUTCOME_UNKNOWN, 0,
                    "Vinted did not answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketplaceException(MarketplaceException.Kind.OUTCOME_UNKNOWN, 0, "interrupted");
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            String text = response.body();
            return text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text);
        }
        log.info("Vinted {} {} for user {}: HTTP {}", method, path, credentials.userId(), status);
        throw refusal(status, response.body());
    }

    static MarketplaceException refusal(int status, String body) {
        if (status == 429) {
            return new MarketplaceException(MarketplaceException.Kind.RATE_LIMITED, status, "Vinted: too many requests");
        }
        if (status == 403 && body != null && CHALLENGE.matcher(body).find()) {
            return new MarketplaceException(MarketplaceException.Kind.CHALLENGED, status,
                    "Vinted showed an anti-bot challenge");
        }
        if (status == 401 || status == 403) {
            return new MarketplaceException(MarketplaceException.Kind.SESSION_EXPIRED, status,
                    "Vinted no longer accepts the session");
        }
        if (status >= 500) {
            return new MarketplaceException(MarketplaceException.Kind.OUTCOME_UNKNOWN, status,
                    "Vinted failed (HTTP " + status + ")");
        }
        return new MarketplaceException(MarketplaceException.Kind.REJECTED, status,
                "Vinted refused the request (HTTP " + status + ")" + firstError(body));
    }

    private static String firstError(String body) {
        if (body == null || body.isBlank() || body.length() > 2000 || !body.strip().startsWith("{")) {
            return "";
        }
        return ": " + body.strip().replaceAll("\\s+", " ").substring(0, Math.min(300, body.strip().length()));
    }

    private String base(Credentials credentials) {
        if (!baseUrl.isEmpty()) {
            return baseUrl;
        }
        String host = credentials.host() == null ? "" : credentials.host().toLowerCase(Locale.ROOT);
        return VINTED_HOST.matcher(host).matches() ? "https://" + host : "https://www.vinted.fr";
    }
}
