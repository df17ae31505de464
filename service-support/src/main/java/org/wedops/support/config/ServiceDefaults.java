package org.wedops.support.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Gives every WedOps service the same Kafka, actuator and tracing defaults (idempotent producers with
 * acks=all, manual acknowledgement, dead-letter-ready deserializers, readiness groups), at the lowest
 * precedence so that a service's own configuration, environment variables and arguments win.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "wedops-service-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load("wedops-service-defaults", new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
