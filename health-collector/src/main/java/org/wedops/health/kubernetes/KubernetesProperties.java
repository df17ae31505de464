package org.wedops.health.kubernetes;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Kubernetes source.
 *
 * @param enabled    whether pods are watched
 * @param namespaces namespaces to watch
 * @param labels     label selector of the watched pods
 * @param interval   how often pods are checked
 */
@Validated
@ConfigurationProperties("wedops.health.kubernetes")
public record KubernetesProperties(@DefaultValue("false") boolean enabled, @NotEmpty @DefaultValue("default") List<String> namespaces,
                                   Map<String, String> labels, @NotNull @DefaultValue("15s") Duration interval) {
}
