package app.comptoir.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The OpenAPI document of {@code /api/v1} ({@code /api/docs/openapi.json}), shaped in one place so that a
 * client generated from it (openapi-generator, checked by {@code OpenApiClientIT}) compiles and stays
 * stable, and no controller needs an annotation for it:
 * <ul>
 * <li>unique schema names ({@link ApiSchemaNames});</li>
 * <li>one tag per module, read from the controller's package ({@code app.comptoir.<module>...}), so the
 * generated client has one API class per module whatever the controllers are called or where they move
 * inside their module;</li>
 * <li>operation ids named after the controller and the method ({@code OrderController.confirm} is
 * {@code orderConfirm}) instead of the bare method name, which springdoc numbers in scanning order when
 * several controllers share it ({@code get_4}): a generated method would change meaning when a controller
 * is added;</li>
 * <li>a title, the application's version and a description.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
// The OpenAPI document is opt-in (comptoir.expose.api-docs); without it springdoc defines none of its beans.
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "springdoc.api-docs.enabled",
        matchIfMissing = true)
class OpenApiConfiguration {

    private static final String ROOT_PACKAGE = "app.comptoir.";

    /** What each module's tag says; a module missing here still gets its tag, without a description. */
    private static final Map<String, String> MODULES = Map.ofEntries(
            Map.entry("identity", "Sign-up, sign-in and tokens, the business profile, users and their roles."),
            Map.entry("catalog", "Products and their variants (SKU, barcode, price, VAT), categories, tags, images, "
                    + "search, CSV import and export."),
            Map.entry("inventory", "Stock locations, levels per variant and location, the movement ledger, reservations, "
                    + "alert rules and alerts, reorder suggestions."),
            Map.entry("sales", "Customers and their addresses, quotes, orders and their workflow, drivers and returns, and the "
                    + "payment of each order: its state, payments received on site or at the door, payment links, "
                    + "refunds."),
            Map.entry("purchasing", "Suppliers and what they supply, purchase orders from draft to delivery (ACH-<year>-000001), "
                    + "receipts into stock that update the variants' cost, purchasing settings."),
            Map.entry("reporting", "Dashboards and statistics computed from the other modules' figures."),
            Map.entry("bookings", "Appointments: bookable services, resources (inspectors, lanes) with their weekly hours, "
                    + "closures, booking settings, free slots in the business's time zone, the staff calendar and "
                    + "its acts (move, cancel, no-show, walk-in, payment at the counter), and the public booking API "
                    + "of a business (/api/v1/booking/{slug}, no token: book, then see, move or cancel by the "
                    + "customer's link)."),
            Map.entry("inspections", "The vehicle inspection centre: vehicles (plate, VIN, category, owner) with their "
                    + "history and next due date, the day (appointments, lanes and inspectors), check-in by the "
                    + "booking's QR code or reference, checklists graded OK, minor, major or critical with photos, "
                    + "completion with the outcome and the report number (PV-<year>-000001), counter-visits, the "
                    + "registration document read by OCR, documents kept sealed, the report and certificate PDFs."),
            Map.entry("assistant", "Product descriptions written by the business's model provider (OpenAI-compatible or "
                    + "Ollama) or, without one, by a deterministic built-in writer; their cache and its figures; the "
                    + "business's provider settings (the API key never returned) and its token and cost counters."),
            Map.entry("channels", "Outside marketplaces (Vinted first): accounts and their rate cap and pauses, the browser "
                    + "extension's pairing codes, devices and session (the session sealed, never returned), listings, "
                    + "publication jobs and their history."),
            Map.entry("platform", "Shared services: the append-only audit log of every change to business data."),
            Map.entry("payments", "What is due and paid on orders and appointments: payments received on site (cash, card "
                    + "terminal, transfer, cheque), online payment links (Stripe Checkout), refunds, the cash drawer "
                    + "of a day, the business's provider keys (never returned) and the providers' signed webhooks."),
            Map.entry("storefront", "The headless store API of a business's public shop (/api/v1/store/{slug}, no staff "
                    + "token): the shop, its categories, its active products (search with typos forgiven, filters, sort, "
                    + "pages) and each product with its variants, prices and availability; its customers' accounts "
                    + "(register, verify the e-mail, sign in for a shopper token shp_... sent as Authorization: Bearer, "
                    + "password reset), their addresses, their orders with each one's timeline, and the deletion of an "
                    + "account; pricing a cart, the delivery slots, checkout with the shopper's token; the same rules "
                    + "and errors as the shop's pages. Also the shop's delivery rules, for the business's staff."),
            Map.entry("notifications", "Telling people and systems what happened: the in-app notifications behind the bell, "
                    + "notification preferences per event type and channel, web push subscriptions, e-mails and "
                    + "their delivery log, outgoing webhooks (signed), their delivery logs and replays."));


    /** The security scheme of every operation but the public sign-up, login, refresh and logout. */
    static final String BEARER = "bearer";

    /** Operations that need no access token (as the API security chain permits them). */
    private static final List<String> PUBLIC_PATHS = List.of("/api/v1/auth/signup", "/api/v1/auth/login",
            "/api/v1/auth/refresh", "/api/v1/auth/logout", "/api/v1/auth/password-reset",
            "/api/v1/auth/password-reset/confirm", "/api/v1/payments/{provider}/webhook/{business}");

    /**
     * Every operation under these prefixes needs no staff access token either: a business's public booking API, and
     * its shop's store API (whose customers send the shop's own token, {@code shp_…}).
     */
    private static final List<String> PUBLIC_PREFIXES = List.of("/api/v1/booking/", "/api/v1/store/");

    @Bean
    OpenAPI comptoirOpenApi(@Value("${info.app.version:unknown}") String version) {
        return new OpenAPI()
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("The access token of POST /api/v1/auth/login (15 minutes).")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .info(new Info()
                .title("Comptoir API")
                .version(version)
                .description("""
                        The JSON API of Comptoir: catalog, stock, sales and reporting for small businesses. \
                        Sign in with `POST /api/v1/auth/login` and send the access token as \
                        `Authorization: Bearer <token>`. Errors are RFC 9457 problem details \
                        (`application/problem+json`); lists are paged (`page`, `size`, `sort`); endpoints \
                        that a client may retry accept an `Idempotency-Key` header. One tag per module."""));
    }

    @Bean
    ApiSchemaNames apiSchemaNames() {
        return new ApiSchemaNames();
    }

    /**
     * swagger-core's model resolver, naming schemas with {@link ApiSchemaNames}. springdoc's registrar
     * replaces the default resolver (same class) with this one and puts every other converter bean in front
     * of it; ordered first among the converter beans so that it is registered first, hence last in the
     * chain, where the default resolver was (the converters before it delegate to it).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ModelConverter apiModelResolver(ApiSchemaNames names, SpringDocConfigProperties springdoc) {
        return springdoc.isOpenapi31()
                ? new ModelResolver(Json31.mapper(), names).openapi31(true)
                : new ModelResolver(Json.mapper(), names);
    }

    @Bean
    OperationCustomizer moduleTagsAndOperationIds() {
        return (operation, handler) -> {
            // a mutable list: springdoc adds to it when several handler methods share an operation
            module(handler.getBeanType())
                    .ifPresent(module -> operation.setTags(new ArrayList<>(List.of(tagName(module)))));
            if (handler.getMethod().getName().equals(operation.getOperationId())) {
                operation.setOperationId(operationId(handler));
            }
            return operation;
        };
    }

    /** Declares the tags the operations use, one per module, instead of those the controllers declare. */
    @Bean
    OpenApiCustomizer moduleTagList() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            List<Tag> tags = openApi.getPaths().values().stream()
                    .flatMap(path -> path.readOperations().stream())
                    .map(Operation::getTags)
                    .filter(Objects::nonNull)
                    .flatMap(List::stream)
                    .distinct()
                    .map(name -> new Tag().name(name).description(MODULES.get(name.toLowerCase(Locale.ROOT))))
                    .sorted(Comparator.comparing(Tag::getName))
                    .toList();
            openApi.setTags(tags);
            // One handler serving a file as CSV and as Excel ({"/x.csv", "/x.xlsx"}) is two operations that
            // springdoc numbers in no stable order (x, x_1): name them by their format instead.
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> {
                if (op.getOperationId() == null) {
                    return;
                }
                String base = op.getOperationId().replaceAll("_\\d+$", "");
                op.setOperationId(path.endsWith(".xlsx") ? base + "Xlsx" : base);
            }));
            // Signing up and in need no token: say so, so that a generated client sends none there.
            PUBLIC_PATHS.forEach(path -> Optional.ofNullable(openApi.getPaths().get(path))
                    .ifPresent(item -> item.readOperations().forEach(op -> op.setSecurity(List.of()))));
            openApi.getPaths().forEach((path, item) -> {
                if (PUBLIC_PREFIXES.stream().anyMatch(path::startsWith)) {
                    item.readOperations().forEach(op -> op.setSecurity(List.of()));
                }
            });
        };
    }

    /** The shared 429 answer every operation declares ({@code #/components/responses/TooManyRequests}). */
    static final String TOO_MANY_REQUESTS = "TooManyRequests";

    /**
     * Declares on every operation the 429 that the API's rate limits (per business and per user on the staff API,
     * the sign-in and public throttles elsewhere) may answer: an RFC 9457 problem of type {@code too-many-requests},
     * with {@code Retry-After} and, on the staff API, the {@code RateLimit-Policy} and {@code RateLimit} fields. A
     * generated client then knows to wait rather than treat it as an unexpected error.
     */
    @Bean
    OpenApiCustomizer tooManyRequestsEverywhere() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            components.addSchemas("Problem", new ObjectSchema()
                    .description("An RFC 9457 problem detail (application/problem+json).")
                    .addProperty("type", new StringSchema().description("The problem's type URI, "
                            + app.comptoir.platform.Problems.TYPE_BASE + "<name>."))
                    .addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema())
                    .addProperty("detail", new StringSchema())
                    .addProperty("instance", new StringSchema()));
            components.addHeaders("Retry-After", new Header()
                    .description("Seconds to wait before trying again.")
                    .schema(new IntegerSchema()));
            components.addHeaders("RateLimit-Policy", new Header()
                    .description("The staff API's limits (draft-ietf-httpapi-ratelimit-headers), e.g. "
                            + "\"business\";q=1200;w=60, \"user\";q=600;w=60.")
                    .schema(new StringSchema()));
            components.addHeaders("RateLimit", new Header()
                    .description("What is left of each limit and when its window resets, e.g. "
                            + "\"user\";r=0;t=12.")
                    .schema(new StringSchema()));
            components.addResponses(TOO_MANY_REQUESTS, new ApiResponse()
                    .description("Too many requests: wait for Retry-After seconds (problem type too-many-requests).")
                    .addHeaderObject("Retry-After", new Header().$ref("#/components/headers/Retry-After"))
                    .addHeaderObject("RateLimit-Policy", new Header().$ref("#/components/headers/RateLimit-Policy"))
                    .addHeaderObject("RateLimit", new Header().$ref("#/components/headers/RateLimit"))
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
                if (op.getResponses() == null) {
                    op.setResponses(new ApiResponses());
                }
                op.getResponses().addApiResponse("429",
                        new ApiResponse().$ref("#/components/responses/" + TOO_MANY_REQUESTS));
            }));
        };
    }

    private static Optional<String> module(Class<?> controller) {
        String pkg = controller.getPackageName();
        if (!pkg.startsWith(ROOT_PACKAGE)) {
            return Optional.empty();
        }
        String rest = pkg.substring(ROOT_PACKAGE.length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private static String tagName(String module) {
        return StringUtils.capitalize(module);
    }

    private static String operationId(HandlerMethod handler) {
        String resource = ApiSchemaNames.resourceName(handler.getBeanType().getSimpleName());
        return StringUtils.uncapitalize(resource) + StringUtils.capitalize(handler.getMethod().getName());
    }
}
