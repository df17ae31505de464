package org.wedops.deploy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.wedops.testsupport.TestClock;
import org.wedops.testsupport.WedopsIntegrationTest;
import org.wedops.testsupport.kubernetes.SharedKubernetesClient;

/**
 * The orchestrator against the JVM's broker and PostgreSQL, the Kubernetes mock server and the test Docker Engine, with
 * verification windows of seconds, and a clock that ticks in real time (verification windows and leases need time to
 * pass) from where a test puts it ({@code set}; {@code reset} takes it back to the wall clock). Every deployment test class uses exactly this, so they share one context. Services:
 * {@code it-cmd} (command driver, scripts in src/test/resources/scripts), {@code it-mig} (command with a migration),
 * {@code it-k8s} (Deployment it/web), {@code it-k8s-mig} (the same, with a migration Job), {@code it-docker} (containers labelled org.wedops.it=web), {@code it-docker-mig} (the same, with a migration container that
 * fails where the image lacks /bin/ok).
 * Tests use environments and regions of their own, so their deployments and protection states do not meet.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WedopsIntegrationTest(properties = {
        "wedops.deploy.verification.window=3s",
        "wedops.deploy.verification.interval=200ms",
        "wedops.deploy.verification.emergency-interval=100ms",
        "wedops.deploy.verification.confirmations=2",
        // the test services have no traffic unless a test sends windows: outside protected windows that passes, unverified
        "wedops.deploy.verification.insufficient-data-wait=1s",
        "wedops.deploy.verification.insufficient-data-outside-protected-windows=PASS",
        "wedops.deploy.execution.lease=3s",
        "wedops.deploy.command.fence-wait=2s",
        "wedops.deploy.execution.claim-every=200ms",
        "wedops.deploy.environments.prod.requires-success-in=staging",
        "wedops.deploy.services.it-cmd.driver=COMMAND",
        "wedops.deploy.services.it-cmd.rollout-estimate=1m",
        "wedops.deploy.services.it-cmd.rollback-estimate=1m",
        "wedops.deploy.services.it-cmd.timeout=30s",
        "wedops.deploy.services.it-cmd.command.rollout=sh,src/test/resources/scripts/deploy.sh," + DeployIntegrationTest.STATE + ",{service},{environment},{version}",
        "wedops.deploy.services.it-mig.driver=COMMAND",
        "wedops.deploy.services.it-mig.migration-estimate=1m",
        "wedops.deploy.services.it-mig.command.rollout=sh,src/test/resources/scripts/deploy.sh," + DeployIntegrationTest.STATE + ",{service},{environment},{version}",
        "wedops.deploy.services.it-mig.command.migration=sh,src/test/resources/scripts/migrate.sh," + DeployIntegrationTest.STATE + ",{service},{environment},{version}",
        "wedops.deploy.services.it-k8s.driver=KUBERNETES",
        "wedops.deploy.services.it-k8s.timeout=30s",
        "wedops.deploy.services.it-k8s.kubernetes.namespace=it",
        "wedops.deploy.services.it-k8s.kubernetes.deployment=web",
        "wedops.deploy.services.it-k8s.kubernetes.image=registry.local/web",
        "wedops.deploy.services.it-k8s.kubernetes.poll=100ms",
        "wedops.deploy.services.it-k8s-mig.driver=KUBERNETES",
        "wedops.deploy.services.it-k8s-mig.timeout=30s",
        "wedops.deploy.services.it-k8s-mig.migration-estimate=1m",
        "wedops.deploy.services.it-k8s-mig.kubernetes.namespace=it",
        "wedops.deploy.services.it-k8s-mig.kubernetes.deployment=web",
        "wedops.deploy.services.it-k8s-mig.kubernetes.image=registry.local/web",
        "wedops.deploy.services.it-k8s-mig.kubernetes.migration-image=registry.local/web-migrate",
        "wedops.deploy.services.it-k8s-mig.kubernetes.poll=100ms",
        "wedops.deploy.services.it-docker.driver=DOCKER",
        "wedops.deploy.services.it-docker.timeout=60s",
        "wedops.deploy.services.it-docker.docker.image=wedops-it/web",
        "wedops.deploy.services.it-docker.docker.label=org.wedops.it=web",
        "wedops.deploy.services.it-docker.docker.poll=200ms",
        "wedops.deploy.services.it-docker-mig.driver=DOCKER",
        "wedops.deploy.services.it-docker-mig.timeout=60s",
        "wedops.deploy.services.it-docker-mig.migration-estimate=1m",
        "wedops.deploy.services.it-docker-mig.docker.image=wedops-it/web",
        "wedops.deploy.services.it-docker-mig.docker.label=org.wedops.it=web",
        "wedops.deploy.services.it-docker-mig.docker.migration=test,-e,/bin/ok",
        "wedops.deploy.services.it-docker-mig.docker.poll=200ms"})
@TestClock(ticking = true)
@Import(SharedKubernetesClient.class)
public @interface DeployIntegrationTest {

    /** Where the command scripts keep what they deployed. */
    String STATE = "target/deploy-state";
}
