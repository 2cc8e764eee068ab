package app.comptoir.support;

import java.util.Map;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Small helpers for calling the API over real HTTP with REST Assured. */
public final class Api {

    /** The demo password (see README). */
    public static final String DEMO_PASSWORD = "comptoir-demo-2026";

    private Api() {
    }

    /** A request to the application on the given port. */
    public static RequestSpecification given(int port) {
        return RestAssured.given().port(port).contentType(ContentType.JSON).accept("application/json, application/problem+json");
    }

    /** A request with a bearer token. */
    public static RequestSpecification as(int port, String accessToken) {
        return given(port).header("Authorization", "Bearer " + accessToken);
    }

    /** Signs in and returns the whole login response. */
    public static Response login(int port, String email, String password) {
        return given(port).body(Map.of("email", email, "password", password)).post("/api/v1/auth/login");
    }

    /** Signs in and returns the access token. */
    public static String token(int port, String email, String password) {
        return login(port, email, password).then().statusCode(200).extract().path("accessToken");
    }

    /** Signs up a fresh business with a unique admin e-mail; returns the sign-up response. */
    public static Response signup(int port, String businessName) {
        String email = "owner-" + UUID.randomUUID() + "@example.test";
        return given(port).body(Map.of("businessName", businessName, "email", email, "password", "a-long-secret-1"))
                .post("/api/v1/auth/signup");
    }
}
