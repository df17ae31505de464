package org.wedops.localstack.kafka;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.wedops.events.KafkaAccess;
import org.wedops.events.Topics;
import org.wedops.events.Topics.TopicSpec;
import org.wedops.localstack.StackException;

/**
 * What the launcher does as the secured broker's super user before any service starts: creates every topic (the
 * services may not, as in production where Strimzi's KafkaTopics do it), makes sure every principal has its SCRAM
 * user, and makes the broker's ACLs equal to {@link KafkaAccess}: missing ones are added, ones the code no longer
 * grants are removed, so an older run's wider grant does not survive.
 */
final class KafkaProvisioning {

    /** As {@code wedops.kafka.partitions}' default, which the plain stack's services create their topics with. */
    static final int PARTITIONS = 6;
    private static final long TIMEOUT_SECONDS = 30;

    private KafkaProvisioning() {
    }

    static void apply(Admin admin, SecureKafka secure) {
        try {
            createTopics(admin);
            createMissingUsers(admin, secure);
            reconcileAcls(admin);
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException("cannot create the secured broker's topics, users and ACLs: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while creating the secured broker's topics, users and ACLs");
        }
    }

    static List<NewTopic> topics() {
        List<NewTopic> topics = new ArrayList<>();
        for (TopicSpec spec : Topics.ALL) {
            NewTopic topic = new NewTopic(spec.name(), PARTITIONS, (short) 1);
            if (spec.compacted()) {
                topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0"));
            }
            topics.add(topic);
            topics.add(new NewTopic(spec.deadLetterTopic(), PARTITIONS, (short) 1));
        }
        return topics;
    }

    private static void createTopics(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<NewTopic> missing = topics().stream().filter(topic -> !existing.contains(topic.name())).toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** The storage tool wrote every user at format time; a principal added to the code since gets its user here. */
    private static void createMissingUsers(Admin admin, SecureKafka secure) throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = new HashSet<>(admin.describeUserScramCredentials().users().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        var upsertions = secure.principals().stream().filter(principal -> !existing.contains(principal))
                .map(principal -> (UserScramCredentialAlteration) new UserScramCredentialUpsertion(principal,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), secure.password(principal)))
                .toList();
        if (!upsertions.isEmpty()) {
            admin.alterUserScramCredentials(upsertions).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static void reconcileAcls(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        Set<AclBinding> wanted = new HashSet<>(KafkaAccess.acls());
        Set<String> ours = new HashSet<>();
        KafkaAccess.ALL.forEach(principal -> ours.add(principal.user()));
        Set<AclBinding> present = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        List<AclBindingFilter> stale = present.stream()
                .filter(acl -> ours.contains(acl.entry().principal()) && !wanted.contains(acl))
                .map(AclBinding::toFilter)
                .toList();
        if (!stale.isEmpty()) {
            admin.deleteAcls(stale).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        List<AclBinding> missing = wanted.stream().filter(acl -> !present.contains(acl)).toList();
        if (!missing.isEmpty()) {
            admin.createAcls(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
