package app.comptoir.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PasskeyOperationsTest {

    @Test
    void theAllowedOriginsDefaultToTheRelyingPartyOnThePortTheServerListensOn() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "8080")
                .withProperty("local.server.port", "53211");
        assertThat(PasskeyOperations.origins("localhost", List.of(), environment))
                .containsExactly("http://localhost:53211", "https://localhost:53211", "https://localhost");
    }

    @Test
    void configuredAllowedOriginsAreTakenAsTheyAre() {
        assertThat(PasskeyOperations.origins("shop.example", List.of("https://shop.example, https://www.shop.example"),
                new MockEnvironment())).containsExactly("https://shop.example", "https://www.shop.example");
    }
}
