package app.comptoir.notifications.application;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.springframework.util.StringUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the events of {@link OutsideEvents} to RabbitMQ's topic exchange {@code comptoir.events}, only when
 * {@code comptoir.events.rabbitmq.url} is set: otherwise none of these beans exists and no AMQP connection is ever
 * attempted. Spring Modulith's externalisation makes the sending a listener of the persistent publication registry:
 * its publication is stored with the business transaction and deleted only once the broker confirmed the message,
 * so a broker that is down only delays the message (see {@code platform.events.FailedPublicationRetries}).
 * Delivery is at least once: a consumer may see a message twice.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RabbitMqEvents.Configured.class)
class RabbitMqEvents {

    static final String URL = "comptoir.events.rabbitmq.url";
    static final String EXCHANGE = "comptoir.events";

    /** How long a message may wait for the broker's confirmation before its publication counts as failed. */
    private static final Duration CONFIRMED_WITHIN = Duration.ofSeconds(10);

    /** The URL is set and not blank (an empty environment variable means "off"). */
    static class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(URL));
        }
    }

    @Bean
    CachingConnectionFactory outsideEventsConnection(Environment environment) {
        CachingConnectionFactory factory = new CachingConnectionFactory(URI.create(environment.getRequiredProperty(URL)));
        // The broker confirms each message: only then is the publication completed (and deleted).
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
        factory.setConnectionTimeout(5_000);
        factory.setConnectionNameStrategy(f -> "comptoir-events");
        return factory;
    }

    @Bean
    RabbitTemplate outsideEventsTemplate(CachingConnectionFactory outsideEventsConnection) {
        return new RabbitTemplate(outsideEventsConnection);
    }

    /** Declares the exchange on every new connection (a broker that lost it gets it back). */
    @Bean
    RabbitAdmin outsideEventsAdmin(CachingConnectionFactory outsideEventsConnection) {
        return new RabbitAdmin(outsideEventsConnection);
    }

    @Bean
    TopicExchange outsideEventsExchange() {
        return new TopicExchange(EXCHANGE, true, false);
    }

    /** Which events go out, as what, and with which routing key; the default (annotated events only) gives way. */
    @Bean
    EventExternalizationConfiguration outsideEventsExternalization() {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> OutsideEvents.of(event).isPresent())
                .mapping(OutsideEvents::message)
                .routeAll(event -> RoutingTarget.forTarget(EXCHANGE)
                        .andKey(OutsideEvents.of(event).orElseThrow().key()))
                .build();
    }

    @Bean
    DelegatingEventExternalizer rabbitMqEventExternalizer(EventExternalizationConfiguration outsideEventsExternalization,
                                                          RabbitTemplate outsideEventsTemplate, JsonMapper json) {
        return new DelegatingEventExternalizer(outsideEventsExternalization, (target, payload) -> {
            OutsideEvents.Message message = (OutsideEvents.Message) payload;
            MessageProperties properties = new MessageProperties();
            properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
            properties.setContentEncoding(StandardCharsets.UTF_8.name());
            properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
            properties.setType(message.type());
            properties.setAppId("comptoir");
            properties.setHeader("tenant-id", message.tenantId().toString());
            Message amqp = new Message(json.writeValueAsBytes(message), properties);
            outsideEventsTemplate.invoke(channel -> {
                channel.send(target.getTarget(), target.getKey(), amqp);
                channel.waitForConfirmsOrDie(CONFIRMED_WITHIN.toMillis());
                return null;
            });
            return CompletableFuture.completedFuture(null);
        });
    }
}
