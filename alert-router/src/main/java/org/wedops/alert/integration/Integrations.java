package org.wedops.alert.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.wedops.alert.routing.ReceiverSpec;
import org.wedops.alert.routing.SecretText;
import org.wedops.alert.routing.SecretUrl;
import org.wedops.alert.routing.Routing;
import org.wedops.alert.routing.RoutingConfig;
import org.wedops.events.NotificationChannel;

/**
 * The integrations of every configured receiver, built from the routing in force. An integration whose address is
 * missing (no Slack webhook, no PagerDuty routing key, no SMTP server) is left out with a warning. Circuit breakers
 * live in a registry keyed by integration name, so their state survives routing reloads.
 */
@Component
public class Integrations {

    private static final Logger log = LoggerFactory.getLogger(Integrations.class);

    private final Routing routing;
    private final IntegrationProperties properties;
    private final JsonPoster poster;
    private final ObjectProvider<JavaMailSender> mail;
    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final Map<RoutingConfig, Map<String, List<Integration>>> built = new ConcurrentHashMap<>();

    Integrations(Routing routing, IntegrationProperties properties, WebClient.Builder web, ObjectProvider<JavaMailSender> mail,
                 MeterRegistry meters) {
        this.routing = routing;
        this.properties = properties;
        // no client observation: its spans and high-cardinality tags carry the full URL, and a webhook URL is a secret
        this.poster = new JsonPoster(web.clone().observationRegistry(ObservationRegistry.NOOP).build());
        this.mail = mail;
        IntegrationProperties.Guard guard = properties.guard();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(guard.failureRate())
                .minimumNumberOfCalls(guard.minimumCalls())
                .slidingWindowSize(Math.max(guard.minimumCalls(), 10))
                .waitDurationInOpenState(guard.openFor())
                .build());
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(guard.retries() + 1)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(guard.retryWait(), 2.0, 0.5))
                .ignoreExceptions(CallNotPermittedException.class)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    }

    /** The integrations of a receiver in the routing in force; empty when none is usable. */
    public List<Integration> of(String receiver) {
        return built.computeIfAbsent(routing.config(), this::build).getOrDefault(receiver, List.of());
    }

    public Optional<Integration> named(String integration) {
        return built.computeIfAbsent(routing.config(), this::build).values().stream().flatMap(List::stream)
                .filter(candidate -> candidate.name().equals(integration)).findFirst();
    }

    private Map<String, List<Integration>> build(RoutingConfig config) {
        built.keySet().removeIf(old -> old != config);
        Map<String, List<Integration>> byReceiver = new ConcurrentHashMap<>();
        config.receivers().values().forEach(spec -> byReceiver.put(spec.name(), guarded(integrationsOf(spec))));
        return byReceiver;
    }

    private List<ReceiverIntegration> integrationsOf(ReceiverSpec spec) {
        String receiver = spec.name();
        List<ReceiverIntegration> integrations = new ArrayList<>();
        if (spec.slack() != null) {
            SecretUrl url = spec.slack().url() != null ? spec.slack().url() : properties.slack().webhookUrl();
            if (url != null) {
                integrations.add(ReceiverIntegration.of(receiver, NotificationChannel.SLACK,
                        notification -> poster.post(url, SlackMessage.of(notification))));
            } else {
                log.warn("Receiver {}: no Slack webhook (wedops.alert.slack.webhook-url), Slack left out", receiver);
            }
        }
        if (spec.email() != null) {
            JavaMailSender sender = mail.getIfAvailable();
            if (sender != null) {
                Mailer mailer = new Mailer(sender, properties.email().from());
                List<String> to = List.copyOf(spec.email().to());
                integrations.add(ReceiverIntegration.of(receiver, NotificationChannel.EMAIL, notification -> mailer.send(to, notification)));
            } else {
                log.warn("Receiver {}: no SMTP server (spring.mail.host), e-mail left out", receiver);
            }
        }
        if (spec.pagerduty() != null) {
            SecretText key = spec.pagerduty().routingKey() != null ? spec.pagerduty().routingKey() : properties.pagerduty().routingKey();
            if (key != null) {
                SecretUrl url = SecretUrl.of(spec.pagerduty().url() != null ? spec.pagerduty().url() : properties.pagerduty().url());
                integrations.add(ReceiverIntegration.of(receiver, NotificationChannel.PAGERDUTY,
                        notification -> poster.postEach(url, PagerDutyEvents.of(notification, key.reveal()))));
            } else {
                log.warn("Receiver {}: no PagerDuty routing key (wedops.alert.pagerduty.routing-key), PagerDuty left out", receiver);
            }
        }
        if (spec.webhook() != null) {
            SecretUrl url = spec.webhook().url();
            integrations.add(ReceiverIntegration.of(receiver, NotificationChannel.WEBHOOK, notification -> poster.post(url, notification)));
        }
        return integrations;
    }

    private List<Integration> guarded(List<ReceiverIntegration> integrations) {
        return integrations.stream().<Integration>map(integration -> integration.guarded(breakers.circuitBreaker(integration.name()),
                retries.retry(integration.name()), properties.guard().timeout())).toList();
    }
}
