package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OutboundTargetsTest {

    /** A fake DNS: names the tests use, and everything else unknown. */
    private static final Map<String, String> DNS = Map.of("hooks.example.com", "93.184.216.34",
            "rebind.example.com", "10.0.0.7", "localhost", "127.0.0.1");

    private static List<InetAddress> resolve(String host) throws UnknownHostException {
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return List.of(InetAddress.getByName(host));
        }
        String ip = DNS.get(host);
        if (ip == null) {
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByName(ip));
    }

    private final OutboundTargets production = new OutboundTargets("webhooks", false, OutboundTargetsTest::resolve);
    private final OutboundTargets development = new OutboundTargets("webhooks", true, OutboundTargetsTest::resolve);

    @Test
    void aPublicHttpsAddressIsAccepted() {
        assertThat(production.problemAtRegistration("https://hooks.example.com/comptoir")).isEmpty();
        assertThat(production.problemAtDelivery("https://hooks.example.com:8443/comptoir?x=1")).isEmpty();
    }

    @Test
    void plainHttpIsRefused() {
        assertThat(production.problemAtRegistration("http://hooks.example.com/")).contains("must use https://");
        assertThat(production.problemAtRegistration("ftp://hooks.example.com/")).contains("must use https://");
    }

    @Test
    void privateLoopbackAndLinkLocalTargetsAreRefusedInProduction() {
        for (String url : List.of("https://127.0.0.1/", "https://localhost:8443/", "https://10.1.2.3/",
                "https://172.16.0.1/", "https://192.168.1.10/", "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/", "https://0.0.0.0/", "https://[::1]/", "https://[fd00::1]/",
                "https://[fe80::1]/", "https://[::ffff:10.0.0.1]/")) {
            assertThat(production.problemAtRegistration(url)).as(url).hasValueSatisfying(p ->
                    assertThat(p).contains("which webhooks may not call"));
        }
    }

    @Test
    void aNameThatResolvesToAPrivateAddressIsRefusedAtDelivery() {
        assertThat(production.problemAtDelivery("https://rebind.example.com/hook"))
                .hasValueSatisfying(p -> assertThat(p).contains("a private address 10.0.0.7"));
    }

    @Test
    void anUnknownNameIsAcceptedAtRegistrationButNotAtDelivery() {
        assertThat(production.problemAtRegistration("https://not-yet.example.org/hook")).isEmpty();
        assertThat(production.problemAtDelivery("https://not-yet.example.org/hook"))
                .hasValueSatisfying(p -> assertThat(p).contains("does not resolve"));
    }

    @Test
    void credentialsFragmentsAndNonsenseAreRefused() {
        assertThat(production.problemAtRegistration("https://user:pw@hooks.example.com/")).isPresent();
        assertThat(production.problemAtRegistration("https://hooks.example.com/#x")).isPresent();
        assertThat(production.problemAtRegistration("not a url")).isPresent();
        assertThat(production.problemAtRegistration("")).contains("is required");
        assertThat(production.problemAtRegistration("https://" + "a".repeat(2000) + ".com/")).isPresent();
    }

    @Test
    void developmentAllowsLocalReceiversOverHttpButNeverLinkLocal() {
        assertThat(development.problemAtRegistration("http://localhost:8089/hook")).isEmpty();
        assertThat(development.problemAtRegistration("http://127.0.0.1:8089/hook")).isEmpty();
        assertThat(development.problemAtRegistration("https://10.1.2.3/hook")).isEmpty();
        assertThat(development.problemAtRegistration("http://10.1.2.3/hook")).contains("must use https://");
        assertThat(development.problemAtRegistration("https://169.254.169.254/")).isPresent();
    }
}
