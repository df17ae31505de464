package org.wedops.deploy.drivers;

import org.wedops.deploy.DeploymentOrchestratorProperties.ServiceSettings;

/** What a driver acts on: one service in one environment and region, with its configured settings. */
public record DeployTarget(String service, String environment, String region, ServiceSettings settings) {
}
