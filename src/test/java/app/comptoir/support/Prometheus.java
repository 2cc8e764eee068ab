package app.comptoir.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;

/** What an operator's Prometheus reads: the node's {@code /actuator/prometheus} page, and the values in it. */
public final class Prometheus {

    private static final Pattern VALUE = Pattern.compile("\\s(\\S+)$");

    private Prometheus() {
    }

    /** The metrics page of the node, scraped without signing in as Prometheus does. */
    public static String scrape(int port) {
        return RestAssured.given().port(port).get("/actuator/prometheus").then().statusCode(200).extract().asString();
    }

    /** The lines of the metric whose labels contain every one of {@code labels} (e.g. {@code type="RECEIPT"}). */
    public static List<String> series(String metrics, String name, String... labels) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> java.util.Arrays.stream(labels).allMatch(label -> label.isEmpty() || l.contains(label)))
                .toList();
    }

    /** The summed value of those lines; 0 when the series does not exist yet (nothing counted). */
    public static double value(String metrics, String name, String... labels) {
        double sum = 0;
        for (String line : series(metrics, name, labels)) {
            Matcher m = VALUE.matcher(line);
            assertThat(m.find()).as(line).isTrue();
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
