package org.wedops.planner;

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
 * The planner against the JVM's broker and PostgreSQL, with a standing clock the tests move and the JVM's Kubernetes
 * mock server. Every
 * planner test class uses exactly this, so they share one application context (two contexts would split the
 * consumer group's partitions between them). Decisions are applied (to the mock server) for the one managed
 * service {@code it-checkout} of region {@code it-k8s}; other tests use regions of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WedopsIntegrationTest(properties = {
        "wedops.planner.scaling.apply=true",
        "wedops.planner.scaling.interval=1s",
        "wedops.planner.scaling.services[0].name=it-checkout",
        "wedops.planner.scaling.services[0].region=it-k8s",
        "wedops.planner.scaling.services[0].namespace=wedding-apps",
        "wedops.planner.scaling.services[0].deployment=checkout",
        "wedops.planner.lease.renew-every=500ms",
        "wedops.planner.lease.duration=5s"})
@TestClock(start = "2026-02-09T09:00:00Z")
@Import(SharedKubernetesClient.class)
public @interface PlannerIntegrationTest {

    String REGION = "it-k8s";
    String SERVICE = "it-checkout";
    String NAMESPACE = "wedding-apps";
    String DEPLOYMENT = "checkout";
}
