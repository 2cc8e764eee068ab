package app.comptoir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import app.comptoir.identity.domain.PermissionMatrix;
import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Role;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * The role test generated from the application itself: every operation of the OpenAPI document and every
 * web form endpoint (POST/PUT/PATCH/DELETE under {@code /app}), called as each role of a fresh business,
 * answers 403 exactly when {@code role-matrix.tsv} says the role may not, under the default permission
 * matrix. An endpoint without a line in the file fails the test with its name, so a new endpoint cannot
 * ship without a decision.
 *
 * <p>Ids are random UUIDs: a 404 means "allowed past the role check". Bodies are {@code {}} (or the body
 * the file declares); when {@code {}} is refused as invalid, the call is repeated with a body filled from
 * the operation's schema, so bean validation that runs before the role check does not hide a 403.
 */
@IntegrationTest
class RoleMatrixIT {

    private static final Logger LOG = LoggerFactory.getLogger(RoleMatrixIT.class);
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");
    private static final List<Role> ROLES = List.of(Role.VIEWER, Role.DRIVER, Role.MANAGER, Role.ADMIN);

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ComptoirProperties properties;

    /** One line of the declared matrix: who may call it, and an optional body to send. */
    record Rule(String rule, String body) {

        Set<Role> allowed(PermissionMatrix matrix) {
            if (rule.equals("public") || rule.equals("authenticated")) {
                return EnumSet.allOf(Role.class);
            }
            if (rule.equals("operator")) {
                return EnumSet.noneOf(Role.class); // the deployment's operators only, whatever their role
            }
            if (rule.startsWith("roles:")) {
                Set<Role> roles = EnumSet.noneOf(Role.class);
                for (String r : rule.substring(6).split(",")) {
                    roles.add(Role.valueOf(r.strip()));
                }
                return roles;
            }
            Permission permission = Permission.valueOf(rule);
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (Role role : Role.values()) {
                if (matrix.allows(Set.of(role), permission)) {
                    roles.add(role);
                }
            }
            return roles;
        }
    }

    /** An endpoint to call: API operation or web form. */
    record Endpoint(String method, String path, boolean web, JsonPath spec, String specPath, HandlerMethod handler) {

        String key() {
            return method + " " + path;
        }
    }

    @Test
    void everyEndpointRefusesExactlyTheRolesTheMatrixLeavesOut() throws IOException {
        Map<String, Rule> declared = declared();
        Account admin = Api.newBusiness(port, "Rôles");
        Map<Role, Account> accounts = new LinkedHashMap<>();
        for (Role role : ROLES) {
            accounts.put(role, role == Role.ADMIN ? admin : Api.newUser(port, admin, role.name()));
        }
        List<Endpoint> endpoints = endpoints(admin);

        PermissionMatrix matrix = PermissionMatrix.defaults();
        Map<String, Set<Role>> observed = new LinkedHashMap<>();
        int[] byClass = new int[6];
        int requests = 0;
        List<String> signedOut = new ArrayList<>();
        for (Role role : ROLES) {
            // A fresh access token for each role's pass: on a loaded machine the whole run outlasts a token's
            // 15 minutes, and an expired token's 401 is not the role being let through.
            Account created = accounts.get(role);
            Instant signedIn = Instant.now();
            Account account = new Account(created.tenantId(), created.tenantSlug(), created.userId(), created.email(),
                    created.password(), Api.token(port, created.email(), created.password()), created.refreshToken());
            WebSession web = new WebSession(port);
            web.signIn(account.email(), account.password());
            // The token for forms changes at sign-in (a page every role opens: /app sends a driver on).
            web.get("/app/account/password");
            for (Endpoint e : endpoints) {
                Rule rule = declared.get(e.key());
                int status = e.web() ? callWeb(web, e) : callApi(account, e, rule == null ? null : rule.body());
                requests++;
                byClass[Math.min(5, Math.max(0, status / 100))]++;
                Set<Role> allowed = observed.computeIfAbsent(e.key(), k -> EnumSet.noneOf(Role.class));
                if (status != 403) {
                    allowed.add(role);
                }
            }
            // A pass longer than a token's life may have taken an expired token's 401 for a role let through.
            // (Its end cannot ask the token: some endpoints of the pass sign out or revoke on purpose.)
            Duration pass = Duration.between(signedIn, Instant.now());
            if (pass.compareTo(properties.security().accessTokenTtl()) >= 0) {
                signedOut.add(role.name() + " (" + pass.toSeconds() + " s)");
            }
        }
        // What the application does, in the file's format, to compare or to start a line from.
        StringBuilder seen = new StringBuilder();
        observed.forEach((key, roles) -> seen.append(key.replaceFirst(" ", "\t")).append("\troles:")
                .append(String.join(",", roles.stream().map(Role::name).toList())).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "role-matrix-observed.tsv"), seen);

        List<String> missing = new ArrayList<>();
        Map<String, String> wrong = new TreeMap<>();
        for (Endpoint e : endpoints) {
            Rule rule = declared.get(e.key());
            if (rule == null) {
                missing.add(e.key() + " (allowed today: " + observed.get(e.key()) + ")");
                continue;
            }
            Set<Role> expected = rule.allowed(matrix);
            if (!expected.equals(observed.get(e.key()))) {
                wrong.put(e.key(), "declared " + rule.rule() + " " + expected + ", allowed " + observed.get(e.key()));
            }
        }
        // Leaks: a role that got past the check on an endpoint the matrix refuses it.
        long leaks = endpoints.stream().filter(e -> declared.containsKey(e.key()))
                .mapToLong(e -> observed.get(e.key()).stream()
                        .filter(r -> !declared.get(e.key()).allowed(matrix).contains(r)).count()).sum();
        LOG.info("RoleMatrixIT summary: {} endpoints x {} roles, {} requests: 2xx={} 3xx={} 4xx={} (403={}) 5xx={}, "
                        + "roles let through where the matrix refuses (leaks)={}, undeclared endpoints={}",
                endpoints.size(), ROLES.size(), requests, byClass[2], byClass[3], byClass[4], forbidden(observed),
                byClass[5], leaks, missing.size());
        assertThat(missing).as("endpoints without a line in role-matrix.tsv (method, path, permission)").isEmpty();
        assertThat(signedOut).as("roles whose pass outlasted an access token (what it observed is not the matrix)")
                .isEmpty();
        assertThat(wrong).as("endpoints whose 403s differ from role-matrix.tsv").isEmpty();
    }

    /** How many (endpoint, role) pairs were refused with 403. */
    private static long forbidden(Map<String, Set<Role>> observed) {
        return observed.values().stream().mapToLong(allowed -> ROLES.size() - allowed.size()).sum();
    }

    /**
     * Granting more than the default works on every entry point: an administrator gives the viewers the
     * right to move orders, a viewer confirms an order through the API and the web screen, and once the
     * right is taken back both answer 403 again.
     */
    @Test
    void aRoleGrantedMoreThanTheDefaultMayUseItEverywhereUntilItIsRevoked() {
        Account admin = Api.newBusiness(port, "Droits");
        Account viewer = Api.newUser(port, admin, "VIEWER");
        String variant = Api.as(port, admin).body(Map.of("name", "Sécateur", "vatRate", 20,
                        "variants", List.of(Map.of("sku", "SEC-GRANT", "price", 12.5))))
                .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
        Api.as(port, admin).body(Map.of("variantId", variant, "type", "RECEIPT", "quantity", 10))
                .post("/api/v1/stocks/movements").then().statusCode(201);
        String byApi = draftOrder(admin, variant);
        String byWeb = draftOrder(admin, variant);
        WebSession web = new WebSession(port);
        web.signIn(viewer.email(), viewer.password());
        web.get("/app/sales/orders/" + byWeb);

        Api.as(port, viewer).post("/api/v1/orders/" + byApi + "/confirm").then().statusCode(403);
        assertThat(web.post("/app/sales/orders/" + byWeb + "/confirm", Map.of()).status()).isEqualTo(403);

        Map<String, Object> granted = Map.of("MANAGER", List.of("READ", "CATALOG_WRITE", "STOCK_WRITE",
                "ALERTS_MANAGE", "ORDERS_WRITE", "DELIVERIES", "CUSTOMERS_WRITE"), "DRIVER", List.of("DELIVERIES"),
                "VIEWER", List.of("READ", "ORDERS_WRITE"));
        Api.as(port, admin).body(granted).put("/api/v1/tenant/permissions").then().statusCode(200);
        Api.as(port, viewer).post("/api/v1/orders/" + byApi + "/confirm").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CONFIRMED"));
        assertThat(web.post("/app/sales/orders/" + byWeb + "/confirm", Map.of()).status()).isIn(302, 303);
        Api.as(port, admin).get("/api/v1/orders/" + byWeb).then().body("status", org.hamcrest.Matchers.equalTo("CONFIRMED"));

        Map<String, Object> revoked = new LinkedHashMap<>(granted);
        revoked.put("VIEWER", List.of("READ"));
        Api.as(port, admin).body(revoked).put("/api/v1/tenant/permissions").then().statusCode(200);
        Api.as(port, viewer).post("/api/v1/orders/" + byApi + "/cancel").then().statusCode(403);
        assertThat(web.post("/app/sales/orders/" + byWeb + "/cancel", Map.of()).status()).isEqualTo(403);
        Api.as(port, admin).get("/api/v1/orders/" + byApi).then().body("status", org.hamcrest.Matchers.equalTo("CONFIRMED"));
    }

    private String draftOrder(Account admin, String variant) {
        return Api.as(port, admin).body(Map.of("customer", Map.of("name", "Zoé Martin", "phone", "0611223344"),
                        "lines", List.of(Map.of("variantId", variant, "quantity", 1))))
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
    }

    private Map<String, Rule> declared() throws IOException {
        Map<String, Rule> rules = new LinkedHashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/role-matrix.tsv")) {
            assertThat(in).as("src/test/resources/role-matrix.tsv").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                assertThat(cells.length).as(line).isBetween(3, 4);
                String key = cells[0].strip() + " " + cells[1].strip();
                assertThat(rules).as("duplicate line " + key).doesNotContainKey(key);
                rules.put(key, new Rule(cells[2].strip(), cells.length == 4 ? cells[3].strip() : null));
            }
        }
        return rules;
    }

    /** The API operations of the OpenAPI document, then the web forms; settings and sign-out last. */
    private List<Endpoint> endpoints(Account admin) {
        List<Endpoint> endpoints = new ArrayList<>();
        JsonPath spec = Api.as(port, admin).accept("application/json").get("/api/docs/openapi.json").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = spec.getMap("paths");
        for (var path : new TreeMap<>(paths).entrySet()) {
            for (String method : new TreeSet<>(path.getValue().keySet())) {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    endpoints.add(new Endpoint(method.toUpperCase(), path.getKey(), false, spec,
                            "paths['" + path.getKey() + "']." + method, null));
                }
            }
        }
        Map<String, Endpoint> forms = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : m.getKey().getPatternValues()) {
                if (!pattern.startsWith("/app")) {
                    continue;
                }
                for (RequestMethod method : m.getKey().getMethodsCondition().getMethods()) {
                    if (method != RequestMethod.GET && method != RequestMethod.HEAD && method != RequestMethod.OPTIONS) {
                        assertThat(method).as("web forms post: " + pattern).isEqualTo(RequestMethod.POST);
                        forms.put(method + " " + pattern, new Endpoint(method.name(), pattern, true, null, null,
                                m.getValue()));
                    }
                }
            }
        }
        endpoints.addAll(forms.values());
        // Calls that could change what the next calls see (the business's settings, the caller's session) come
        // late, and those that end the caller's sessions and tokens (logout, sign out everywhere) last of all.
        endpoints.sort(Comparator.comparingInt((Endpoint e) -> e.path().matches(".*(logout|sign-out).*") ? 2
                : e.path().matches(".*(/tenant|/settings|password|/auth/).*") ? 1 : 0));
        return endpoints;
    }

    private int callApi(Account account, Endpoint e, String declaredBody) {
        String path = concrete(e.path());
        boolean hasBody = e.spec().get(e.specPath() + ".requestBody") != null;
        Map<String, Object> query = queryParameters(e);
        if (!hasBody) {
            return send(Api.as(port, account).queryParams(query), e.method(), path).statusCode();
        }
        Map<String, Object> content = e.spec().getMap(e.specPath() + ".requestBody.content");
        if (content.containsKey("multipart/form-data")) {
            RequestSpecification request = Api.as(port, account).queryParams(query).contentType("multipart/form-data")
                    .multiPart("file", "x.csv", "sku;name\n".getBytes(StandardCharsets.UTF_8), "text/csv");
            return send(request, e.method(), path).statusCode();
        }
        String body = declaredBody == null ? "{}" : declaredBody;
        Response first = send(Api.as(port, account).queryParams(query).contentType("application/json").body(body),
                e.method(), path);
        if (first.statusCode() != 400 || declaredBody != null) {
            return first.statusCode();
        }
        Object sample = sample(e.spec(), e.spec().get(e.specPath() + ".requestBody.content['application/json'].schema"), 0);
        if (sample == null) {
            return first.statusCode();
        }
        return send(Api.as(port, account).queryParams(query).contentType("application/json").body(sample),
                e.method(), path).statusCode();
    }

    private Map<String, Object> queryParameters(Endpoint e) {
        Map<String, Object> query = new LinkedHashMap<>();
        List<Map<String, Object>> parameters = e.spec().getList(e.specPath() + ".parameters");
        if (parameters != null) {
            for (Map<String, Object> p : parameters) {
                if ("query".equals(p.get("in")) && Boolean.TRUE.equals(p.get("required"))) {
                    Object value = sample(e.spec(), p.get("schema"), 0);
                    query.put((String) p.get("name"), value == null ? "x" : value);
                }
            }
        }
        return query;
    }

    private static Response send(RequestSpecification request, String method, String path) {
        return request.request(method, path);
    }

    /** A value for a schema: enough for bean validation, harmless otherwise. */
    @SuppressWarnings("unchecked")
    private static Object sample(JsonPath spec, Object schemaNode, int depth) {
        if (!(schemaNode instanceof Map<?, ?> raw) || depth > 4) {
            return null;
        }
        Map<String, Object> schema = (Map<String, Object>) raw;
        if (schema.get("$ref") instanceof String ref) {
            return sample(spec, spec.get("components.schemas['" + ref.substring(ref.lastIndexOf('/') + 1) + "']"),
                    depth + 1);
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.getFirst();
        }
        String type = String.valueOf(schema.get("type"));
        String format = String.valueOf(schema.get("format"));
        return switch (type) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (schema.get("properties") instanceof Map<?, ?> properties) {
                    properties.forEach((name, property) -> {
                        Object value = sample(spec, property, depth + 1);
                        if (value != null) {
                            object.put((String) name, value);
                        }
                    });
                }
                yield object;
            }
            case "array" -> {
                Object item = sample(spec, schema.get("items"), depth + 1);
                yield item == null ? List.of() : List.of(item);
            }
            case "integer", "number" -> 1;
            case "boolean" -> false;
            case "string" -> switch (format) {
                case "uuid" -> UUID.randomUUID().toString();
                case "email" -> "role-" + UUID.randomUUID() + "@example.test";
                case "date" -> "2026-01-01";
                case "date-time" -> "2026-01-01T00:00:00Z";
                default -> "Rôle " + UUID.randomUUID().toString().substring(0, 8) + " long-secret-1";
            };
            default -> null;
        };
    }

    private int callWeb(WebSession web, Endpoint e) {
        String path = concrete(e.path());
        Map<String, Object> form = new LinkedHashMap<>();
        String fileField = null;
        for (MethodParameter parameter : e.handler().getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                    : parameter.getParameterName();
            Class<?> type = parameter.getParameterType();
            if (MultipartFile.class.isAssignableFrom(type)) {
                fileField = name;
                continue;
            }
            if (!param.required() || !ValueConstants.DEFAULT_NONE.equals(param.defaultValue()) || name == null) {
                continue;
            }
            form.put(name, formValue(type));
        }
        if (fileField != null) {
            return web.postFile(path, form, fileField, "x.csv", "text/csv",
                    "sku;name\n".getBytes(StandardCharsets.UTF_8)).status();
        }
        return web.post(path, form).status();
    }

    private static Object formValue(Class<?> type) {
        if (type == UUID.class) {
            return UUID.randomUUID();
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return 1;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        return "x";
    }

    /** The path with every variable replaced by a fresh UUID. */
    private static String concrete(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, UUID.randomUUID().toString());
        }
        m.appendTail(out);
        return out.toString();
    }
}
