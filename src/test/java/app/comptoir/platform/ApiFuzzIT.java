package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * Fuzzes every JSON operation of the OpenAPI document as the administrator of a fresh business (the operator
 * console's as an operator of the deployment), with a fixed seed: malformed JSON, wrong types, nulls in arrays,
 * control characters, 1 MB strings, huge, negative and fractional numbers, unknown fields, bad UUIDs in the path and
 * the body, and a non-JSON {@code Accept}. Every answer is a 2xx or a 4xx with an RFC 9457 body, never a 5xx, and a
 * refused request changes nothing (the business's rows are counted before and after).
 */
@IntegrationTest
class ApiFuzzIT {

    private static final Logger LOG = LoggerFactory.getLogger(ApiFuzzIT.class);
    private static final long SEED = 12;
    private static final int FIELD_MUTATIONS_PER_OPERATION = 5;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ONE_MEGABYTE = "x".repeat(1 << 20);
    /** Operations that end the administrator's own session or sign up other businesses: not fuzzed with valid bodies. */
    private static final List<String> SKIPPED = List.of("/api/v1/auth/logout", "/api/v1/auth/logout-all");

    private static final String OPERATOR_API = "/api/v1/operator/";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantContext tenantContext;

    @Autowired
    PlatformTransactionManager transactionManager;

    record Fuzz(String method, String path, String accept, String body, String what) {
    }

    @Test
    void noInputGivesA5xxAndARefusedRequestChangesNothing() {
        Account admin = Api.newBusiness(port, "Fuzz");
        // The operator console's API answers only its operators (everyone else 403): fuzzed as one.
        Account operator = Api.signUpOrSignIn(port, "Opérateur du service", IntegrationTest.OPERATOR_EMAIL);
        JsonNode doc = JSON.readTree(Api.as(port, admin).get("/api/docs/openapi.json").then().statusCode(200)
                .extract().asString());
        Random random = new Random(SEED);
        List<Fuzz> requests = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                if (schema.isMissingNode() || SKIPPED.contains(path.getKey())) {
                    continue;
                }
                operations++;
                requests.addAll(fuzz(doc, op.getKey().toUpperCase(), path.getKey(), schema, random));
            }
        }
        assertThat(operations).as("JSON operations in the OpenAPI document").isGreaterThan(20);

        long start = System.nanoTime();
        String before = counts(admin);
        List<String> failures = new ArrayList<>();
        int[] byClass = new int[6];
        int changedByRefused = 0;
        int withoutProblem = 0;
        int operatorRequests = 0;
        for (Fuzz f : requests) {
            boolean operatorApi = f.path().startsWith(OPERATOR_API);
            Response r = send(operatorApi ? operator : admin, f);
            int status = r.statusCode();
            if (operatorApi) {
                operatorRequests++;
                if (status == 403) {
                    // An operator is never refused its console: the request did not reach the operation's checks.
                    failures.add(f.method() + " " + f.path() + " [" + f.what() + "] -> 403 to an operator");
                }
            }
            byClass[Math.min(5, Math.max(0, status / 100))]++;
            String where = f.method() + " " + f.path() + " [" + f.what() + "] -> " + status;
            if (status >= 500 || status < 200 || (status >= 300 && status < 400)) {
                failures.add(where + " " + abbreviate(r.asString()));
                continue;
            }
            if (status >= 400) {
                String problem = problemDefects(r);
                if (problem != null) {
                    withoutProblem++;
                    failures.add(where + " " + problem);
                }
                String after = counts(admin);
                if (!after.equals(before)) {
                    changedByRefused++;
                    failures.add(where + " changed " + before + " into " + after);
                }
                before = after;
            } else {
                before = counts(admin);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // The figures of the closing note and docs/security.md, one line.
        LOG.info("ApiFuzzIT summary: {} operations, {} requests ({} as an operator) in {} ms: 2xx={} 4xx={} 5xx={} "
                        + "other={}, 4xx without RFC 9457 body={}, refused requests that changed data (leaks)={}",
                operations, requests.size(), operatorRequests, took.toMillis(), byClass[2], byClass[4], byClass[5],
                byClass[0] + byClass[1] + byClass[3], withoutProblem, changedByRefused);
        assertThat(failures).as("answers out of contract").isEmpty();
        assertThat(operatorRequests).as("requests to the operator console's API").isGreaterThan(10);
        // Bounded so that the suite's time stays known: ≈ 1,030 requests with the store API's operations.
        assertThat(requests.size()).isBetween(200, 1500);
        Api.as(port, admin).get("/api/v1/auth/me").then().statusCode(200);
    }

    private List<Fuzz> fuzz(JsonNode doc, String method, String path, JsonNode schema, Random random) {
        JsonNode template = sample(doc, schema, 0);
        String valid = JSON.writeValueAsString(template);
        String realPath = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        List<Fuzz> out = new ArrayList<>();
        out.add(new Fuzz(method, realPath, null, "{\"a\": [1, ", "malformed JSON"));
        out.add(new Fuzz(method, realPath, null, "[]", "array instead of object"));
        out.add(new Fuzz(method, realPath, "text/html", valid, "Accept text/html"));
        if (template instanceof ObjectNode o) {
            ObjectNode unknown = o.deepCopy();
            unknown.put("fuzzUnknownField", 1);
            out.add(new Fuzz(method, realPath, null, JSON.writeValueAsString(unknown), "unknown field"));
        }
        if (!realPath.equals(path)) {
            out.add(new Fuzz(method, path.replaceAll("\\{[^}]+}", "not-a-uuid"), null, valid, "bad UUID in path"));
        }
        List<Fuzz> fields = new ArrayList<>();
        for (List<Object> leaf : leaves(template, new ArrayList<>())) {
            JsonNode value = at(template, leaf);
            List<JsonNode> mutations = new ArrayList<>();
            List<String> names = new ArrayList<>();
            mutations.add(NODES.objectNode().set("x", NODES.arrayNode().add(1)));
            names.add("wrong type");
            if (value.isString()) {
                mutations.add(NODES.stringNode("a\u0000b"));
                names.add("NUL");
                mutations.add(NODES.stringNode("a\u0007\u001bb"));
                names.add("control characters");
                mutations.add(NODES.stringNode(ONE_MEGABYTE));
                names.add("1 MB string");
                mutations.add(NODES.stringNode("not-a-uuid-\u00e9"));
                names.add("bad UUID / bad value");
            }
            if (value.isNumber() || value.isString()) {
                mutations.add(NODES.numberNode(new BigInteger("1" + "0".repeat(40))));
                names.add("huge number");
                mutations.add(NODES.numberNode(new BigDecimal("1e400")));
                names.add("1e400");
                mutations.add(NODES.numberNode(-1));
                names.add("negative");
                mutations.add(NODES.numberNode(new BigDecimal("0.0000001")));
                names.add("fraction");
            }
            if (value.isArray() || leaf.getLast() instanceof Integer) {
                mutations.add(NODES.arrayNode().addNull());
                names.add("null in array");
            }
            mutations.add(NODES.nullNode());
            names.add("null");
            for (int i = 0; i < mutations.size(); i++) {
                JsonNode body = with(template, leaf, mutations.get(i));
                fields.add(new Fuzz(method, realPath, null, JSON.writeValueAsString(body), names.get(i) + " at " + leaf));
            }
            if (leaf.size() > 1 && leaf.get(leaf.size() - 1) instanceof Integer) {
                fields.add(new Fuzz(method, realPath, null,
                        JSON.writeValueAsString(with(template, leaf, NODES.nullNode())), "null in array at " + leaf));
            }
        }
        java.util.Collections.shuffle(fields, random);
        // The null-in-array mutations are the rarest; keep them all, then a sample of the others.
        fields.sort(java.util.Comparator.comparing(f -> !f.what().startsWith("null in array")));
        out.addAll(fields.subList(0, Math.min(fields.size(), FIELD_MUTATIONS_PER_OPERATION)));
        return out;
    }

    private Response send(Account admin, Fuzz f) {
        RequestSpecification spec = RestAssured.given().port(port)
                .header("Authorization", "Bearer " + admin.accessToken())
                .header("Accept", f.accept() == null ? "application/json, application/problem+json" : f.accept())
                .contentType("application/json")
                .body(f.body());
        return spec.request(f.method(), f.path());
    }

    /** What an RFC 9457 body lacks, or null when it is complete. */
    private static String problemDefects(Response r) {
        String type = r.contentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            return "content type " + type + ": " + abbreviate(r.asString());
        }
        JsonNode body = JSON.readTree(r.asString());
        for (String field : List.of("type", "title", "status", "detail", "instance")) {
            if (body.path(field).isMissingNode() || body.path(field).isNull()) {
                return "no '" + field + "' in " + abbreviate(r.asString());
            }
        }
        return body.path("status").asInt() == r.statusCode() ? null : "status differs in body";
    }

    private String counts(Account admin) {
        return tenantContext.callAs(admin.tenantId(), () -> new TransactionTemplate(transactionManager).execute(s ->
                jdbc.queryForObject("""
                        select concat_ws(',', (select count(*) from products), (select count(*) from variants),
                          (select count(*) from categories), (select count(*) from sales_orders),
                          (select count(*) from sales_quotes), (select count(*) from sales_customers),
                          (select count(*) from stock_movements), (select count(*) from stock_reservations),
                          (select count(*) from stock_alert_rules), (select count(*) from users),
                          (select count(*) from audit_log))""", String.class)));
    }

    private static JsonNode sample(JsonNode doc, JsonNode schema, int depth) {
        schema = resolve(doc, schema);
        if (depth > 4) {
            return NODES.nullNode();
        }
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.has(combinator)) {
                for (JsonNode option : schema.get(combinator)) {
                    JsonNode s = sample(doc, option, depth + 1);
                    if (!s.isNull()) {
                        return s;
                    }
                }
            }
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asString() : schema.path("type").asString("object");
        return switch (type) {
            case "string" -> NODES.stringNode(switch (schema.path("format").asString("")) {
                case "uuid" -> UUID.randomUUID().toString();
                case "date" -> "2026-01-15";
                case "date-time" -> "2026-01-15T10:00:00Z";
                case "email" -> "fuzz@example.test";
                default -> "fuzz";
            });
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(new BigDecimal("1.5"));
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode().add(sample(doc, schema.path("items"), depth + 1));
            default -> {
                ObjectNode o = NODES.objectNode();
                for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                    if (!p.getValue().path("readOnly").asBoolean(false)) {
                        o.set(p.getKey(), sample(doc, p.getValue(), depth + 1));
                    }
                }
                yield o;
            }
        };
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        while (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            schema = doc.path("components").path("schemas").path(name);
        }
        return schema;
    }

    private static List<List<Object>> leaves(JsonNode node, List<Object> prefix) {
        List<List<Object>> out = new ArrayList<>();
        if (node instanceof ObjectNode o) {
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                List<Object> p = new ArrayList<>(prefix);
                p.add(e.getKey());
                out.add(p);
                out.addAll(leaves(e.getValue(), p));
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                List<Object> p = new ArrayList<>(prefix);
                p.add(i);
                out.add(p);
                out.addAll(leaves(a.get(i), p));
            }
        }
        return out;
    }

    private static JsonNode at(JsonNode node, List<Object> path) {
        for (Object step : path) {
            node = step instanceof Integer i ? node.get(i) : node.get((String) step);
        }
        return node;
    }

    private static JsonNode with(JsonNode template, List<Object> path, JsonNode value) {
        JsonNode copy = template.deepCopy();
        JsonNode parent = at(copy, path.subList(0, path.size() - 1));
        Object last = path.getLast();
        if (parent instanceof ObjectNode o) {
            o.set((String) last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set((Integer) last, value);
        }
        return copy;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

}
