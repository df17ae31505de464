package org.wedops.deploy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the deployment-orchestrator.
 *
 * @param healthStaleAfter a target whose latest health check is older than this is reported stale: its collector
 *                         has stopped reporting, so its last status says nothing about a deployment happening now
 */
@ConfigurationProperties("wedops.deploy")
public record DeploymentOrchestratorProperties(
        @DefaultValue("2m") Duration healthStaleAfter) {
}
