package app.comptoir.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.EndpointFilter;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/** What a default installation publishes, read from the packaged application.yml. */
class OptInEndpointsTest {

    @Test
    void byDefaultOnlyTheHealthProbesAreExposed() throws IOException {
        EndpointFilter<ExposableWebEndpoint> filter = new OptInEndpoints().optInWebEndpoints(packagedDefaults());

        assertThat(filter.match(endpoint("health"))).isTrue();
        assertThat(filter.match(endpoint("info"))).isFalse();
        assertThat(filter.match(endpoint("prometheus"))).isFalse();
    }

    @Test
    void anOperatorExposesTheMetricsByConfiguration() {
        EndpointFilter<ExposableWebEndpoint> filter = new OptInEndpoints()
                .optInWebEndpoints(new MockEnvironment().withProperty("comptoir.expose.metrics", "true"));

        assertThat(filter.match(endpoint("prometheus"))).isTrue();
        assertThat(filter.match(endpoint("info"))).isTrue();
    }

    @Test
    void byDefaultTheOpenApiDocumentIsOffTheDatabaseDurableAndProxyHeadersHonoured() throws IOException {
        StandardEnvironment defaults = packagedDefaults();

        assertThat(defaults.getProperty("springdoc.api-docs.enabled", Boolean.class)).isFalse();
        assertThat(defaults.getProperty("springdoc.swagger-ui.enabled", Boolean.class)).isFalse();
        assertThat(defaults.getProperty("comptoir.db.durable", Boolean.class)).isTrue();
        // HSTS and Secure cookies need the request to be known as HTTPS behind a TLS proxy
        assertThat(defaults.getProperty("server.forward-headers-strategy")).isEqualTo("native");
    }

    @Test
    void byDefaultTheActuatorSharesTheApplicationsPort() throws IOException {
        // Blank COMPTOIR_MANAGEMENT_PORT: no port of its own (Boot reads the property as an Integer).
        assertThat(packagedDefaults().getProperty("management.server.port", Integer.class)).isNull();
        assertThat(packagedDefaults().getProperty("management.endpoint.health.group.readiness.include"))
                .isEqualTo("readinessState,db");
    }

    private static StandardEnvironment packagedDefaults() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return environment;
    }

    private static ExposableWebEndpoint endpoint(String id) {
        ExposableWebEndpoint endpoint = mock(ExposableWebEndpoint.class);
        when(endpoint.getEndpointId()).thenReturn(EndpointId.of(id));
        return endpoint;
    }
}
