package org.wedops.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.wedops.events.KafkaAccess.Principal;

class KafkaAccessTest {

    @Test
    void whoWritesEachTopicIsTheDesignsProducersAndTheIngressEmitters() {
        Map<String, Set<String>> writers = new TreeMap<>();
        for (Principal principal : KafkaAccess.ALL) {
            principal.writes().forEach(topic -> writers.computeIfAbsent(topic, t -> new TreeSet<>()).add(principal.name()));
        }
        assertThat(writers).isEqualTo(Map.of(
                Topics.PROTECTION, Set.of("scaling-planner"),
                Topics.HEALTH, Set.of("health-collector"),
                Topics.APM_SAMPLES, Set.of("apm-ingest", "emitter"),
                Topics.APM_MODELS, Set.of("emitter"),
                Topics.APM_WINDOWS, Set.of("apm-ingest"),
                Topics.WEDDINGS, Set.of("scaling-planner", "wedding-app"),
                Topics.SCALING, Set.of("scaling-planner"),
                Topics.DEPLOYMENTS, Set.of("deployment-orchestrator"),
                Topics.ALERTS, Set.of("health-collector", "deployment-orchestrator", "scaling-planner", "apm-ingest", "alert-router"),
                Topics.NOTIFICATIONS, Set.of("alert-router")));
    }

    @Test
    void onlyThePlannerMayWriteTheProtectionStateOrHoldAWildcard() {
        for (AclBinding acl : KafkaAccess.acls()) {
            boolean writesProtection = acl.pattern().resourceType() == ResourceType.TOPIC
                    && acl.pattern().patternType() == PatternType.LITERAL && acl.pattern().name().equals(Topics.PROTECTION)
                    && acl.entry().operation() != AclOperation.READ;
            assertThat(writesProtection && !acl.entry().principal().equals("User:scaling-planner")).as(acl.toString()).isFalse();
            assertThat(acl.pattern().name()).as(acl.toString()).isNotEqualTo("*").isNotBlank();
            // a prefix that every WedOps topic starts with would hand out all of them
            if (acl.pattern().resourceType() == ResourceType.TOPIC && acl.pattern().patternType() == PatternType.PREFIXED) {
                assertThat(Topics.ALL).noneMatch(topic -> topic.name().startsWith(acl.pattern().name()));
            }
        }
    }

    @Test
    void emittersWriteOnlyIngressTopicsAndReadNothing() {
        Set<String> ingress = Topics.ALL.stream().filter(Topics.TopicSpec::ingress).map(Topics.TopicSpec::name).collect(Collectors.toSet());
        for (Principal emitter : Set.of(KafkaAccess.EMITTER, KafkaAccess.WEDDING_APP)) {
            assertThat(ingress).containsAll(emitter.writableTopics());
            assertThat(emitter.reads()).isEmpty();
            assertThat(emitter.acls()).allMatch(acl -> acl.pattern().resourceType() == ResourceType.TOPIC
                    && acl.entry().operation() == AclOperation.WRITE);
        }
        assertThat(KafkaAccess.EMITTER.writableTopics()).doesNotContain(Topics.WEDDINGS, Topics.PROTECTION);
    }

    @Test
    void aConsumerMayDeadLetterWhatItReadsAndNamesOnlyTopicsThatExist() {
        Set<String> known = Topics.ALL.stream().map(Topics.TopicSpec::name).collect(Collectors.toSet());
        for (Principal principal : KafkaAccess.ALL) {
            assertThat(known).containsAll(principal.reads()).containsAll(principal.writes());
            if (principal.deadLetters()) {
                principal.reads().forEach(topic -> assertThat(principal.writableTopics()).contains(topic + ".dlt"));
            }
        }
        assertThat(KafkaAccess.ALL).filteredOn(principal -> !principal.deadLetters()).containsExactly(KafkaAccess.GATEWAY);
        assertThat(KafkaAccess.HEALTH_COLLECTOR.acls()).extracting(acl -> acl.pattern().name() + " " + acl.entry().operation())
                .containsExactly("ops.protection.v1 READ", "ops.alerts.v1 WRITE", "ops.health.v1 WRITE", "ops.protection.v1.dlt WRITE",
                        "health-collector READ");
    }

    @Test
    void theGatewayReadsOnlyTheConsolesSixTopicsInItsLiveGroupsAndMayWriteNothing() {
        Principal gateway = KafkaAccess.find("gateway").orElseThrow();
        assertThat(gateway.reads()).containsExactlyInAnyOrder(Topics.PROTECTION, Topics.ALERTS, Topics.DEPLOYMENTS, Topics.HEALTH,
                Topics.NOTIFICATIONS, Topics.APM_WINDOWS);
        assertThat(gateway.writableTopics()).as("not even the dead letters of what it reads").isEmpty();
        assertThat(gateway.acls()).noneMatch(acl -> acl.entry().operation() != AclOperation.READ);
        assertThat(gateway.acls()).extracting(acl -> acl.pattern().resourceType() + " " + acl.pattern().name() + " " + acl.pattern().patternType())
                .containsExactlyInAnyOrder("TOPIC ops.protection.v1 LITERAL", "TOPIC ops.alerts.v1 LITERAL", "TOPIC ops.deployments.v1 LITERAL",
                        "TOPIC ops.health.v1 LITERAL", "TOPIC ops.notifications.v1 LITERAL", "TOPIC ops.apm.windows.v1 LITERAL",
                        "GROUP gateway PREFIXED");
        // the other services still dead-letter what they read
        assertThat(KafkaAccess.ALERT_ROUTER.writableTopics()).contains(Topics.deadLetterOf(Topics.ALERTS), Topics.deadLetterOf(Topics.PROTECTION));
    }

    @Test
    void noPrincipalsGroupsOrStreamsResourcesReachIntoAnothers() {
        for (Principal one : KafkaAccess.ALL) {
            for (Principal other : KafkaAccess.ALL) {
                if (one == other) {
                    continue;
                }
                Set<String> theirs = new TreeSet<>(other.groupPrefixes());
                other.streamsApplicationId().ifPresent(theirs::add);
                for (String prefix : one.groupPrefixes()) {
                    assertThat(theirs).as(one.name() + "'s group prefix " + prefix).noneMatch(group -> group.startsWith(prefix));
                }
            }
        }
        assertThat(KafkaAccess.APM_INGEST.acls()).filteredOn(acl -> acl.pattern().resourceType() == ResourceType.TRANSACTIONAL_ID)
                .extracting(acl -> acl.pattern().name() + " " + acl.pattern().patternType() + " " + acl.entry().operation())
                .containsExactlyInAnyOrder("wedops-apm-windows PREFIXED WRITE", "wedops-apm-windows PREFIXED DESCRIBE");
    }
}
