package org.wedops.deploy.drivers;

import java.util.UUID;

import org.wedops.deploy.drivers.DeployableServices.ServiceSettings;

/**
 * What a driver acts on: one service in one environment and region, with its configured settings, for one deployment
 * driven by one owner (the instance holding its lease). The deployment and owner let a driver that starts local
 * processes fence them: record what runs for the deployment only while the lease is held, and kill a predecessor's.
 */
public record DeployTarget(UUID deploymentId, String owner, String service, String environment, String region, ServiceSettings settings) {
}
