package org.wedops.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the WedOps Kafka cluster, the one definition of its ACLs: the local stack creates exactly these
 * ({@code --secure-kafka}), {@code k8s/base/kafka/users.yaml} declares them as Strimzi {@code KafkaUser}s and
 * deploy-checks holds the two equal. Every service has a principal of its own named as the service
 * ({@code spring.application.name}); it reads only the topics it consumes, writes only the topics it produces and the
 * dead-letter topics of what it consumes (its error path), and joins only its own consumer groups, which all start with
 * its name ({@code <service>-<purpose>}, a random suffix for a view every instance reads whole). The gateway only
 * watches (the console's live feed): it reads, writes nothing, not even dead letters. Only the
 * scaling-planner writes {@link Topics#PROTECTION}: whoever can write it can open every freeze. Emitters outside
 * WedOps write only ingress topics, and a metrics emitter cannot cancel a wedding.
 * <p>
 * A broker that authorises with these ACLs refuses anything not granted ({@code allow.everyone.if.no.acl.found=false}):
 * no principal here can create a WedOps topic, so topics are provisioned by the platform (Strimzi's
 * {@code KafkaTopic}s, the local stack's launcher) and the services run with {@code spring.kafka.admin.auto-create=false}.
 */
public final class KafkaAccess {

    /**
     * @param name                 the SCRAM user name; the ACLs name {@code User:<name>}
     * @param reads                topics it consumes; it may also write their dead-letter topics if it dead-letters
     * @param writes               topics it produces
     * @param groupPrefixes        consumer groups it may join, by prefix (a group id with a random suffix, as the
     *                             protection view's, stays inside its prefix)
     * @param streamsApplicationId a Kafka Streams application id: its group, its internal topics and its transactional
     *                             ids (exactly-once) all start with it
     * @param deadLetters          whether it writes what it cannot process to the dead-letter topics of what it reads;
     *                             a reader that only watches (the gateway) does not, so it may write nothing at all
     */
    public record Principal(String name, Set<String> reads, Set<String> writes, Set<String> groupPrefixes,
                            Optional<String> streamsApplicationId, boolean deadLetters) {

        public Principal {
            reads = Set.copyOf(reads);
            writes = Set.copyOf(writes);
            groupPrefixes = Set.copyOf(groupPrefixes);
        }

        /** A service that dead-letters what it consumes (every consumer's error path). */
        public Principal(String name, Set<String> reads, Set<String> writes, Set<String> groupPrefixes,
                         Optional<String> streamsApplicationId) {
            this(name, reads, writes, groupPrefixes, streamsApplicationId, true);
        }

        public String user() {
            return "User:" + name;
        }

        /** Every topic it may write: what it produces and, if it dead-letters, the dead letters of what it consumes. */
        public Set<String> writableTopics() {
            Set<String> topics = new TreeSet<>(writes);
            if (deadLetters) {
                reads.forEach(topic -> topics.add(Topics.deadLetterOf(topic)));
            }
            return topics;
        }

        /** The ACLs that grant exactly this, all ALLOW from any host; nothing else is allowed. */
        public List<AclBinding> acls() {
            List<AclBinding> acls = new ArrayList<>();
            new TreeSet<>(reads).forEach(topic -> acls.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ)));
            writableTopics().forEach(topic -> acls.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE)));
            new TreeSet<>(groupPrefixes).forEach(group -> acls.add(allow(ResourceType.GROUP, group, PatternType.PREFIXED, AclOperation.READ)));
            streamsApplicationId.ifPresent(id -> {
                // changelog and repartition topics are the application's own: Streams creates, reads, writes and
                // deletes them, and checks their configuration
                acls.add(allow(ResourceType.TOPIC, id, PatternType.PREFIXED, AclOperation.ALL));
                acls.add(allow(ResourceType.GROUP, id, PatternType.LITERAL, AclOperation.READ));
                acls.add(allow(ResourceType.TRANSACTIONAL_ID, id, PatternType.PREFIXED, AclOperation.WRITE));
                acls.add(allow(ResourceType.TRANSACTIONAL_ID, id, PatternType.PREFIXED, AclOperation.DESCRIBE));
            });
            return List.copyOf(acls);
        }

        private AclBinding allow(ResourceType type, String name, PatternType pattern, AclOperation operation) {
            return new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry(user(), "*", operation, AclPermissionType.ALLOW));
        }
    }

    /** Every service reads the protection state: it is the view every automatic action consults. */
    public static final Principal HEALTH_COLLECTOR = new Principal("health-collector",
            Set.of(Topics.PROTECTION),
            Set.of(Topics.HEALTH, Topics.ALERTS),
            Set.of("health-collector"), Optional.empty());

    public static final Principal DEPLOYMENT_ORCHESTRATOR = new Principal("deployment-orchestrator",
            Set.of(Topics.PROTECTION, Topics.HEALTH, Topics.APM_WINDOWS),
            Set.of(Topics.DEPLOYMENTS, Topics.ALERTS),
            Set.of("deployment-orchestrator"), Optional.empty());

    /** The single source of truth of protection; it also writes weddings taken through its REST API. */
    public static final Principal SCALING_PLANNER = new Principal("scaling-planner",
            Set.of(Topics.PROTECTION, Topics.HEALTH, Topics.WEDDINGS, Topics.APM_WINDOWS, Topics.DEPLOYMENTS),
            Set.of(Topics.PROTECTION, Topics.SCALING, Topics.ALERTS, Topics.WEDDINGS),
            Set.of("scaling-planner"), Optional.empty());

    /**
     * Writes the samples its HTTP intake takes and the windows its Streams topology closes. The Streams application id
     * is {@code wedops.apm.windows.application-id}'s default.
     */
    public static final Principal APM_INGEST = new Principal("apm-ingest",
            Set.of(Topics.PROTECTION, Topics.APM_SAMPLES, Topics.APM_MODELS, Topics.APM_WINDOWS),
            Set.of(Topics.APM_SAMPLES, Topics.APM_WINDOWS, Topics.ALERTS),
            Set.of("apm-ingest"), Optional.of("wedops-apm-windows"));

    /** Writes alerts raised by hand and every notification outcome. */
    public static final Principal ALERT_ROUTER = new Principal("alert-router",
            Set.of(Topics.PROTECTION, Topics.ALERTS),
            Set.of(Topics.NOTIFICATIONS, Topics.ALERTS),
            Set.of("alert-router"), Optional.empty());

    /**
     * The console's live feed ({@code org.wedops.gateway.live.LiveFeed}): reads the topics the console shows, in a group
     * of its own per instance ({@code gateway-live-<uuid>}), and commits nothing. It writes nothing: a record it
     * cannot read is skipped, the owning services' consumers dead-letter it already.
     */
    public static final Principal GATEWAY = new Principal("gateway",
            Set.of(Topics.PROTECTION, Topics.ALERTS, Topics.DEPLOYMENTS, Topics.HEALTH, Topics.NOTIFICATIONS, Topics.APM_WINDOWS),
            Set.of(),
            Set.of("gateway"), Optional.empty(), false);

    /** A platform service that emits APM samples and model observations straight to Kafka. */
    public static final Principal EMITTER = new Principal("emitter",
            Set.of(), Set.of(Topics.APM_SAMPLES, Topics.APM_MODELS), Set.of(), Optional.empty());

    /** The wedding app: schedules and cancels weddings, nothing else. */
    public static final Principal WEDDING_APP = new Principal("wedding-app",
            Set.of(), Set.of(Topics.WEDDINGS), Set.of(), Optional.empty());

    /** The WedOps services with a Kafka client, each logging in as the principal named as it. */
    public static final List<Principal> SERVICES = List.of(HEALTH_COLLECTOR, DEPLOYMENT_ORCHESTRATOR, SCALING_PLANNER,
            APM_INGEST, ALERT_ROUTER, GATEWAY);

    public static final List<Principal> ALL = List.of(HEALTH_COLLECTOR, DEPLOYMENT_ORCHESTRATOR, SCALING_PLANNER,
            APM_INGEST, ALERT_ROUTER, GATEWAY, EMITTER, WEDDING_APP);

    private KafkaAccess() {
    }

    public static Optional<Principal> find(String name) {
        return ALL.stream().filter(principal -> principal.name().equals(name)).findFirst();
    }

    /** The ACLs of every principal. */
    public static List<AclBinding> acls() {
        return ALL.stream().flatMap(principal -> principal.acls().stream()).toList();
    }
}
