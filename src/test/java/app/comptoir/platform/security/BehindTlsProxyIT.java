package app.comptoir.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.IntegrationTest;

/**
 * A TLS proxy on a trusted address (the tests connect from loopback) forwards {@code X-Forwarded-Proto}:
 * with the default settings the browser gets HSTS and a {@code Secure} session cookie.
 */
@IntegrationTest
class BehindTlsProxyIT {

    @LocalServerPort
    int port;

    @Test
    void aRequestThatArrivedOverHttpsGetsHstsAndASecureSessionCookie() {
        Response response = RestAssured.given().port(port).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.7").redirects().follow(false).get("/login");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Strict-Transport-Security")).contains("max-age=");
        assertThat(response.headers().getValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void aPlainHttpRequestGetsNeitherSoALocalDemoStillWorks() {
        Response response = RestAssured.given().port(port).redirects().follow(false).get("/login");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Strict-Transport-Security")).isNull();
        assertThat(response.headers().getValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").doesNotContainIgnoringCase("Secure"));
    }
}
