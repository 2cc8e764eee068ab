package app.comptoir.platform.security;

import org.springframework.boot.actuate.endpoint.EndpointFilter;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Actuator endpoints other than the health probes are published over HTTP only when the operator
 * asks for them ({@code comptoir.expose.metrics=true}, {@code COMPTOIR_EXPOSE_METRICS=true}): the
 * build, the JVM and the traffic figures tell a stranger what runs and how busy it is. The OpenAPI
 * document is switched the same way through springdoc's own properties ({@code comptoir.expose.api-docs}).
 */
@Configuration(proxyBeanMethods = false)
class OptInEndpoints {

    static final String ALWAYS_EXPOSED = "health";

    @Bean
    EndpointFilter<ExposableWebEndpoint> optInWebEndpoints(Environment environment) {
        boolean metrics = environment.getProperty("comptoir.expose.metrics", Boolean.class, false);
        return endpoint -> metrics || ALWAYS_EXPOSED.equals(endpoint.getEndpointId().toLowerCaseString());
    }
}
