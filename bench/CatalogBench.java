import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark of the catalog API against a running Comptoir (the demo garden shop's ≈1000
 * products and ≈10 000 variants). JDK 22+, no dependency (the source launcher compiles
 * {@code BenchClient.java}, beside it, with it):
 *
 * <pre>
 * java bench/CatalogBench.java --base http://localhost:8080 [--clients 16] [--duration 60] [--warmup 30]
 *      [--scenarios list,detail,browse,search]
 * </pre>
 *
 * It signs in as the demo administrator, then, with N concurrent clients (virtual threads, each with
 * its own keep-alive connection, sending its next request when the previous one has answered),
 * measures for the given duration:
 * <ol>
 *   <li>{@code GET /api/v1/products} with a search text, two filters (a department, which includes its
 *       sub-categories, and status) and a sort, with the facet counts (the default);</li>
 *   <li>{@code GET /api/v1/products/{id}} for random products;</li>
 *   <li>{@code browse} (not in the default set): category pages as a shop shows them, no text: every
 *       category (departments and their sub-categories) × 4 sorts × pages 1 to 3, active products, facets;</li>
 *   <li>{@code search} (not in the default set): the 14 texts over the whole catalog (a shop's search
 *       box), no category, active products, facets.</li>
 * </ol>
 * and prints requests per second and p50/p90/p99/max latency for each. The list rotates over 56
 * searches (14 texts, one with a typo, × 4 sorts). To measure without the per-node list cache (every list
 * computed: the figure of a shop whose many distinct list addresses the cache cannot carry), start Comptoir
 * with {@code COMPTOIR_CATALOG_LIST_CACHE_TTL=0} (the bench cannot see the server's setting: it prints a reminder).
 */
public class CatalogBench {

    static final String[][] SEARCHES = {
            {"arrosoir", "Arrosage"}, {"tuyau", "Arrosage"}, {"arosoir", "Arrosage"}, {"pot terre cuite", "Pots et jardinières"},
            {"jardiniere", "Pots et jardinières"}, {"gants", "Vêtements et protection"}, {"bottes", "Vêtements et protection"},
            {"secateur", "Outillage à main"}, {"lavande", "Plantes"}, {"rosier", "Plantes"}, {"terreau", "Terreaux et engrais"},
            {"parasol", "Mobilier de jardin"}, {"table", "Mobilier de jardin"}, {"solaire", "Éclairage et décoration"}};
    static final String[] SORTS = {"relevance", "price", "-price", "name"};

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>(Map.of("base", "http://localhost:8080", "clients", "16",
                "duration", "60", "warmup", "30", "email", "admin@jardin-des-lilas.demo", "password", "comptoir-demo-2026",
                "scenarios", "list,detail"));
        BenchClient.Setup setup = BenchClient.Setup.of(args, defaults);
        Map<String, String> options = setup.options();
        String base = setup.base();
        int clients = setup.clients();
        Duration duration = setup.duration();
        Duration warmup = setup.warmup();
        HttpClient http = setup.http();

        String token = BenchClient.login(http, base, options.get("email"), options.get("password"));
        String tree = BenchClient.get(http, base + "/api/v1/categories/all", token);
        Map<String, String> departments = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"name\":\"([^\"]*)\",\"parentId\":null").matcher(tree);
        while (m.find()) {
            departments.put(m.group(2), m.group(1));
        }
        List<String> categories = new ArrayList<>();
        Matcher cm = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"name\":\"[^\"]*\",\"parentId\":").matcher(tree);
        while (cm.find()) {
            categories.add(cm.group(1));
        }
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            String body = BenchClient.get(http, base + "/api/v1/products?size=200&facets=false&sort=name&page=" + page, token);
            Matcher idm = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",\"name\"").matcher(body);
            int before = ids.size();
            while (idm.find()) {
                ids.add(idm.group(1));
            }
            if (ids.size() == before) {
                break;
            }
        }
        String variants = BenchClient.get(http, base + "/api/v1/variants?size=1", token);
        System.out.printf("Catalog: %d products, %s variants, %d departments; %d clients, %d s per scenario (after %d s warm-up)%n",
                ids.size(), BenchClient.field(variants, "total"), departments.size(), clients, duration.toSeconds(), warmup.toSeconds());
        if (ids.isEmpty() || departments.isEmpty()) {
            throw new IllegalStateException("No catalog: start Comptoir with an empty data directory so the demo shop is created");
        }

        List<String> listUris = new ArrayList<>();
        for (String[] search : SEARCHES) {
            for (String sort : SORTS) {
                listUris.add(base + "/api/v1/products?q=" + URLEncoder.encode(search[0], StandardCharsets.UTF_8)
                        + "&category=" + departments.get(search[1]) + "&status=ACTIVE&sort=" + sort);
            }
        }
        IntFunction<String> list = i -> listUris.get(i % listUris.size());
        List<String> browseUris = new ArrayList<>();
        for (String category : categories) {
            for (String sort : new String[] {"name", "price", "-price", "newest"}) {
                for (int page = 0; page < 3; page++) {
                    browseUris.add(base + "/api/v1/products?category=" + category + "&status=ACTIVE&sort=" + sort
                            + "&page=" + page);
                }
            }
        }
        IntFunction<String> browse = i -> browseUris.get(i % browseUris.size());
        List<String> searchUris = new ArrayList<>();
        for (String[] search : SEARCHES) {
            searchUris.add(base + "/api/v1/products?q=" + URLEncoder.encode(search[0], StandardCharsets.UTF_8)
                    + "&status=ACTIVE");
        }
        IntFunction<String> search = i -> searchUris.get(i % searchUris.size());
        System.out.println("Lists are computed for every request only when Comptoir runs with COMPTOIR_CATALOG_LIST_CACHE_TTL=0"
                + " (the uncached figure); otherwise the per-node list cache answers most of them.");
        IntFunction<String> detail = i -> base + "/api/v1/products/" + ids.get(i % ids.size());

        List<String> scenarios = List.of(options.get("scenarios").split(","));
        List<BenchClient.Result> results = new ArrayList<>();
        if (scenarios.contains("list")) {
            BenchClient.run(token, "warm-up", list, clients, warmup);
            results.add(BenchClient.run(token, "GET /api/v1/products?q=&category=&status=&sort=", list, clients, duration));
        }
        if (scenarios.contains("browse")) {
            BenchClient.run(token, "warm-up", browse, clients, warmup);
            results.add(BenchClient.run(token, "GET /api/v1/products?category=&status=&sort=&page= (" + browseUris.size()
                    + " lists)", browse, clients, duration));
        }
        if (scenarios.contains("search")) {
            BenchClient.run(token, "warm-up", search, clients, warmup);
            results.add(BenchClient.run(token, "GET /api/v1/products?q=&status= (whole catalog)", search, clients, duration));
        }
        if (scenarios.contains("detail")) {
            BenchClient.run(token, "warm-up", detail, clients, warmup);
            results.add(BenchClient.run(token, "GET /api/v1/products/{id}", detail, clients, duration));
        }
        System.out.println();
        results.forEach(BenchClient.Result::print);
    }
}
