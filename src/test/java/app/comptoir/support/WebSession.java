package app.comptoir.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like session over real HTTP for the web pages: it keeps the session cookie, sends the CSRF
 * token of the last page with every form, and does not follow redirects (tests look at them).
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");

    private final int port;
    private final HttpClient client;
    private String csrf;

    public WebSession(int port) {
        this(port, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build(), null);
    }

    private WebSession(int port, HttpClient client, String csrf) {
        this.port = port;
        this.client = client;
        this.csrf = csrf;
    }

    /**
     * The same browser (its cookies and the CSRF token of its last page) addressing another node of the application,
     * listening on {@code otherPort} of the same host, as behind a load balancer that does not stick to a node.
     */
    public WebSession on(int otherPort) {
        return new WebSession(otherPort, client, csrf);
    }

    /** A page as the server answered it. */
    public record Page(int status, String body, Optional<String> location, Map<String, List<String>> headers) {

        /** The first value of a response header, or an empty string. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse("");
        }
    }

    /** GET as a browser (asking for HTML), with extra headers as name, value pairs. */
    public Page get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /**
     * POSTs a form with the current CSRF token (fetching a page first if none is known yet), with extra
     * headers as name, value pairs (e.g. {@code HX-Request, true}).
     */
    public Page post(String path, Map<String, ?> form, String... headers) {
        if (csrf == null) {
            get("/login");
        }
        Map<String, Object> fields = new LinkedHashMap<>(form);
        fields.putIfAbsent("_csrf", csrf);
        return postRaw(path, fields, headers);
    }

    /** POSTs a form exactly as given (no CSRF token added); list values repeat the field. */
    public Page postRaw(String path, Map<String, ?> form, String... headers) {
        List<String> pairs = new ArrayList<>();
        form.forEach((name, value) -> {
            List<?> values = value instanceof List<?> list ? list : List.of(String.valueOf(value));
            values.forEach(v -> pairs.add(encode(name) + "=" + encode(String.valueOf(v))));
        });
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(pairs.stream().collect(Collectors.joining("&"))));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** POSTs a multipart form (as a file upload does) with the current CSRF token and one file. */
    public Page postFile(String path, Map<String, ?> form, String fileField, String fileName, String contentType,
                         byte[] content) {
        if (csrf == null) {
            get("/login");
        }
        String boundary = "----comptoir-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, Object> fields = new LinkedHashMap<>(form);
        fields.putIfAbsent("_csrf", csrf);
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Signs in through the login form; returns where the server sent the browser. */
    public Page signIn(String email, String password) {
        get("/login");
        return post("/login", Map.of("email", email, "password", password));
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location"),
                    response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
