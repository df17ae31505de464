package org.wedops.deploy.api;

/**
 * Body of {@code POST /api/admin/infrastructure/deployments}. The migration step and the verification settings are the
 * service's configuration ({@code wedops.deploy.services.<name>}, {@code wedops.deploy.verification}), not the request's.
 *
 * @param emergency overrides a freeze: ADMIN only, with a written reason
 */
public record DeploymentRequest(String service, String environment, String region, String version, Boolean emergency, String reason) {

    public boolean isEmergency() {
        return Boolean.TRUE.equals(emergency);
    }
}
