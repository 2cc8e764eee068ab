package app.comptoir.support;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.restassured.specification.ResponseSpecification;

/** Small helpers for calling the API over real HTTP with REST Assured. */
public final class Api {

    /** The demo password (see README). */
    public static final String DEMO_PASSWORD = "comptoir-demo-2026";

    /** The password of every account the helpers create. */
    public static final String PASSWORD = "a-long-secret-1";

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

    /** A request as the account. */
    public static RequestSpecification as(int port, Account account) {
        return as(port, account.accessToken());
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
        return given(port).body(Map.of("businessName", businessName, "email", uniqueEmail("owner"),
                "password", PASSWORD)).post("/api/v1/auth/signup");
    }

    /**
     * Signs up a fresh business (named after the test, made unique) and returns its signed-in administrator.
     * Its prices exclude VAT (HT), so the amounts the tests compute by hand are nets.
     */
    public static Account newBusiness(int port, String businessName) {
        return newBusiness(port, businessName, false);
    }

    /** Signs up a fresh business whose prices include VAT (TTC) or not, and returns its administrator. */
    public static Account newBusiness(int port, String businessName, boolean pricesIncludeVat) {
        JsonPath body = given(port).body(Map.of("businessName", businessName + " " + UUID.randomUUID().toString()
                        .substring(0, 8), "email", uniqueEmail("owner"), "password", PASSWORD,
                        "pricesIncludeVat", pricesIncludeVat)).post("/api/v1/auth/signup")
                .then().statusCode(201).extract().jsonPath();
        return account(body, PASSWORD);
    }

    /** Creates a user with the roles in the administrator's business, signs them in and returns them. */
    public static Account newUser(int port, Account admin, String... roles) {
        String email = uniqueEmail(roles.length == 0 ? "user" : roles[0].toLowerCase());
        as(port, admin).body(Map.of("email", email, "name", "User " + email.substring(0, 13), "password", PASSWORD,
                "roles", List.of(roles))).post("/api/v1/users").then().statusCode(201);
        return account(login(port, email, PASSWORD).then().statusCode(200).extract().jsonPath(), PASSWORD);
    }

    /**
     * What every error of the API looks like: RFC 9457 problem details with the given status and a
     * stable Comptoir type, a title and a detail.
     */
    public static ResponseSpecification problem(int status, String type) {
        return new ResponseSpecBuilder()
                .expectStatusCode(status)
                .expectContentType("application/problem+json")
                .expectBody("type", equalTo("https://comptoir.app/problems/" + type))
                .expectBody("status", equalTo(status))
                .expectBody("title", not(emptyOrNullString()))
                .expectBody("detail", not(emptyOrNullString()))
                .build();
    }

    /** An e-mail address no other test uses. */
    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@example.test";
    }

    /**
     * Signs up a business with this administrator's address, or signs them in when an earlier test of the same
     * JVM already did (e.g. the deployment's operator, whom several test classes use).
     */
    public static synchronized Account signUpOrSignIn(int port, String businessName, String email) {
        Response signup = given(port).body(Map.of("businessName", businessName, "email", email, "password", PASSWORD))
                .post("/api/v1/auth/signup");
        if (signup.statusCode() == 201) {
            return account(signup.jsonPath(), PASSWORD);
        }
        return account(login(port, email, PASSWORD).then().statusCode(200).extract().jsonPath(), PASSWORD);
    }

    private static Account account(JsonPath body, String password) {
        return new Account(UUID.fromString(body.getString("tenant.id")), body.getString("tenant.slug"),
                UUID.fromString(body.getString("user.id")), body.getString("user.email"), password,
                body.getString("accessToken"), body.getString("refreshToken"));
    }
}
