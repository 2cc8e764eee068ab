package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.restassured.path.json.JsonPath;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverters;

import app.comptoir.platform.web.ApiSchemaNames;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * The published OpenAPI document is one that generated clients can use: a title, the application's
 * version, one tag per module, one schema per Java type, stable operation ids, and a TypeScript client
 * generated from it by openapi-generator compiles. The generator runs in its own JVM (its runnable jar,
 * copied to {@code target/openapi} by the build, bundles Jackson 2 and swagger-parser versions that must
 * not meet the application's), TypeScript is installed with npm under {@code target/typescript} (kept
 * there between runs) and runs on the system's {@code node}.
 */
@IntegrationTest
class OpenApiClientIT {

    private static final Path OUT = Path.of("target", "openapi");
    private static final Path TYPESCRIPT = Path.of("target", "typescript");
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);

    @LocalServerPort
    int port;

    @Autowired
    ApiSchemaNames schemaNames;

    @Autowired
    @Qualifier("apiModelResolver")
    ModelConverter apiModelResolver;

    @Value("${info.app.version}")
    String version;

    @Test
    void theDocumentHasATitleTheApplicationsVersionAndADescription() {
        JsonPath doc = JsonPath.from(document());

        assertThat(doc.getString("info.title")).isEqualTo("Comptoir API");
        assertThat(doc.getString("info.version")).isEqualTo(version).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(doc.getString("info.description")).isNotBlank();
    }

    @Test
    void aClientSendsTheAccessTokenEverywhereButToSignUpAndSignIn() {
        JsonPath doc = JsonPath.from(document());
        assertThat(doc.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(doc.getMap("security[0]")).containsOnlyKeys("bearer");
        assertThat(doc.getList("paths.'/api/v1/auth/login'.post.security")).isEmpty();
        assertThat(doc.getList("paths.'/api/v1/auth/signup'.post.security")).isEmpty();
        assertThat(doc.getList("paths.'/api/v1/orders'.post.security")).isNull();
    }

    @Test
    void everyOperationIsTaggedWithItsModuleAndHasAStableId() {
        JsonPath doc = JsonPath.from(document());
        List<Map<String, Object>> tags = doc.getList("tags");
        List<String> declared = tags.stream().map(tag -> (String) tag.get("name")).toList();

        assertThat(declared).contains("Catalog", "Identity", "Inventory", "Platform", "Reporting", "Sales");
        assertThat(tags).allSatisfy(tag -> assertThat((String) tag.get("description"))
                .as("description of tag %s (OpenApiConfiguration.MODULES)", tag.get("name")).isNotBlank());
        Set<String> operationIds = new HashSet<>();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String where = method.toUpperCase() + " " + path;
            assertThat((List<?>) operation.get("tags")).as(where).hasSize(1).allMatch(declared::contains);
            String id = (String) operation.get("operationId");
            assertThat(id).as(where).doesNotContain("_");
            assertThat(operationIds.add(id)).as("operation id %s used twice", id).isTrue();
        }));
        assertThat(doc.getList("paths.'/api/v1/orders'.post.tags")).containsExactly("Sales");
        assertThat(doc.getList("paths.'/api/v1/products'.get.tags")).containsExactly("Catalog");
        assertThat(doc.getList("paths.'/api/v1/stocks/reservations'.post.tags")).containsExactly("Inventory");
        assertThat(doc.getList("paths.'/api/v1/auth/login'.post.tags")).containsExactly("Identity");
        assertThat(doc.getList("paths.'/api/v1/dashboard/summary'.get.tags")).containsExactly("Reporting");
        assertThat(doc.getList("paths.'/api/v1/audit'.get.tags")).containsExactly("Platform");
        assertThat(doc.getString("paths.'/api/v1/orders/{id}/confirm'.post.operationId")).isEqualTo("orderConfirm");
    }

    @Test
    void noSchemaNameIsSharedByTwoTypes() {
        JsonPath doc = JsonPath.from(document());

        assertThat(schemaNames.clashes()).as("schema names given to several types").isEmpty();
        // the names are resolved by the converter at the end of the chain, after springdoc's own converters
        List<ModelConverter> converters = ModelConverters.getInstance(true).getConverters();
        assertThat(converters.getLast()).isSameAs(apiModelResolver);
        // the two nested records named Line used to be one schema, so a return request accepted a variantId
        assertThat(doc.getMap("components.schemas")).doesNotContainKey("Line");
        assertThat(doc.getMap("components.schemas.ReturnRequestLine.properties"))
                .containsOnlyKeys("lineId", "quantity");
        assertThat(doc.getMap("components.schemas.OrderReturnLine.properties"))
                .containsOnlyKeys("lineId", "variantId", "sku", "quantity");
        assertThat(doc.getString("paths.'/api/v1/orders/{id}/returns'.post.requestBody.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/ReturnRequest");
        assertThat(doc.getList("components.schemas.OrderStatusBody.properties.status.enum")).contains("DELIVERED");
        assertThat(doc.getList("components.schemas.QuoteStatusBody.properties.status.enum")).contains("ACCEPTED");
    }

    @Test
    void aTypeScriptClientGeneratedFromTheDocumentCompiles() throws IOException {
        Path generator = Path.of(System.getProperty("openapi.generator.jar",
                OUT.resolve("openapi-generator-cli.jar").toString()));
        assertThat(generator).as("openapi-generator-cli jar, copied by `./mvnw verify` (pre-integration-test)")
                .isRegularFile();
        Files.createDirectories(OUT);
        Path spec = OUT.resolve("openapi.json");
        Files.writeString(spec, document());
        Path client = OUT.resolve("typescript-fetch");
        deleteRecursively(client);

        run(OUT.resolve("generator.log"), javaExecutable(), "-jar", generator.toString(), "generate",
                "-g", "typescript-fetch", "-i", spec.toString(), "-o", client.toString());
        Files.writeString(client.resolve("tsconfig.json"), """
                {
                  "compilerOptions": {
                    "strict": true, "noEmit": true, "target": "ES2020", "lib": ["ES2020", "DOM"],
                    "module": "ESNext", "moduleResolution": "Bundler", "skipLibCheck": true
                  },
                  "include": ["**/*.ts"]
                }
                """);
        run(OUT.resolve("tsc.log"), node(), typescriptCompiler().toString(), "-p", client.toString());
    }

    private String document() {
        return Api.given(port).accept("application/json").get("/api/docs/openapi.json")
                .then().statusCode(200).extract().asString();
    }

    /** TypeScript 5, installed once under target/ (npm's own cache makes a reinstall after a clean fast). */
    private static Path typescriptCompiler() throws IOException {
        Path tsc = TYPESCRIPT.resolve(Path.of("node_modules", "typescript", "bin", "tsc"));
        Path manifest = TYPESCRIPT.resolve(Path.of("node_modules", "typescript", "package.json"));
        if (Files.isRegularFile(manifest) && Files.readString(manifest).contains("\"version\": \"5.")) {
            return tsc;
        }
        Files.createDirectories(TYPESCRIPT);
        Files.writeString(TYPESCRIPT.resolve("package.json"), "{ \"private\": true }\n");
        run(TYPESCRIPT.resolve("npm-install.log"), executable("npm"), "install", "--prefix", TYPESCRIPT.toString(),
                "--no-audit", "--no-fund", "--prefer-offline", "--no-save", "typescript@5");
        assertThat(tsc).isRegularFile();
        return tsc;
    }

    private static String node() {
        return executable("node");
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A program of the PATH, or a failure saying how to get it (.ci/run installs Debian's nodejs and npm). */
    private static String executable(String name) {
        Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            fail(name + " is not on the PATH: install Node.js and npm (Debian: apt-get install nodejs npm; .ci/run does)");
        }
        return found.get().toString();
    }

    /** Runs a command, its output going to {@code log}; fails with that output unless it exits with 0. */
    private static void run(Path log, String... command) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("timed out after " + STEP_TIMEOUT + ": " + String.join(" ", command) + "\n" + tail(log));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            fail("interrupted: " + String.join(" ", command));
        }
        if (process.exitValue() != 0) {
            fail("exit code " + process.exitValue() + ": " + String.join(" ", command) + "\n" + tail(log));
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
