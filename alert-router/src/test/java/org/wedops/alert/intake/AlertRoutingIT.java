package org.wedops.alert.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.events.Alert;
import org.wedops.events.AlertStatus;
import org.wedops.events.DeliveryOutcome;
import org.wedops.events.NotificationOutcome;
import org.wedops.events.Severity;
import org.wedops.events.Topics;
import org.wedops.testsupport.MutableClock;
import org.wedops.testsupport.TestClock;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.TopicProbe;
import org.wedops.testsupport.WedopsIntegrationTest;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The router end to end on the real broker and database, with real HTTP stand-ins for Slack, PagerDuty and a
 * webhook, and GreenMail as the SMTP server. Each test uses its own service name, so its alerts form their own
 * groups and its deliveries can be told apart. The router's clock stands still until a test moves it: a group_wait,
 * a retry pause or an ack timeout passes when the test says so, and what must not happen is checked after a positive
 * marker (the group's flush recorded, a later alert's escalation taken), never after a fixed wait.
 */
@WedopsIntegrationTest(properties = {
        "wedops.alert.dispatch.first-retry=100ms", "wedops.alert.dispatch.interval=100ms", "wedops.alert.escalation.interval=200ms",
        "wedops.alert.guard.timeout=2s", "wedops.alert.guard.retries=1", "wedops.alert.guard.retry-wait=20ms",
        "wedops.alert.guard.minimum-calls=2", "wedops.alert.guard.open-for=1m",
        "spring.mail.host=127.0.0.1", "spring.mail.port=3025"})
// a Saturday in peak season, as good as any other instant: nothing in these tests reads the calendar
@TestClock(start = "2026-06-06T10:00:00Z")
class AlertRoutingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ReceiverStandIn receivers = new ReceiverStandIn();
    private static final Path routingFile = writeRouting();

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Autowired
    AlertIntake intake;

    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("wedops.alert.slack.webhook-url", () -> receivers.url("/slack"));
        registry.add("wedops.alert.routing.file", () -> "file:" + routingFile);
    }

    @AfterAll
    static void stopStandIns() {
        receivers.close();
    }

    @Test
    void firingAlertIsPostedToSlackOnceAndItsResolutionAfterwards() throws Exception {
        String service = unique("svc");
        Instant start = now();
        Alert firing = alert(service, "VenueWifiDown", Severity.HIGH, AlertStatus.FIRING, start, start);

        TestEvents.send(Topics.ALERTS, firing.getFingerprint(), firing);
        TestEvents.send(Topics.ALERTS, firing.getFingerprint(), firing); // redelivery of the same event
        TestEvents.send(Topics.ALERTS, firing.getFingerprint(), alert(service, "VenueWifiDown", Severity.HIGH, AlertStatus.FIRING, start, start.plusSeconds(1)));

        await().untilAsserted(() -> assertThat(receivers.received("/slack", service)).hasSize(1));
        JsonNode fired = JSON.readTree(receivers.received("/slack", service).get(0));
        assertThat(fired.get("text").asString()).startsWith("[FIRING:1] VenueWifiDown region=uk service=" + service);
        assertThat(fired.at("/attachments/0/color").asString()).isEqualTo("#FF6F00");

        clock.advance(Duration.ofMillis(300)); // the group's group_interval: a change after it is told at once
        TestEvents.send(Topics.ALERTS, firing.getFingerprint(), alert(service, "VenueWifiDown", Severity.HIGH, AlertStatus.RESOLVED, start, start.plusSeconds(2)));

        await().untilAsserted(() -> assertThat(receivers.received("/slack", service)).hasSize(2));
        JsonNode resolved = JSON.readTree(receivers.received("/slack", service).get(1));
        assertThat(resolved.get("text").asString()).startsWith("[RESOLVED] VenueWifiDown");
        assertThat(resolved.at("/attachments/0/color").asString()).isEqualTo("#2EB67D");
        web.get().uri("/api/alerts/" + firing.getFingerprint()).headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("RESOLVED")
                .jsonPath("$.notifications.length()").isEqualTo(2)
                .jsonPath("$.notifications[0].integration").isEqualTo("team/slack")
                .jsonPath("$.notifications[0].status").isEqualTo("DELIVERED")
                .jsonPath("$.notifications[1].title").isEqualTo("[RESOLVED] VenueWifiDown region=uk service=" + service);
    }

    @Test
    void alertsOfOneGroupArrivingWithinGroupWaitAreSentAsOneMessage() {
        String service = "grouped-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = now();
        Alert first = alert(service, "WebhookSlow", Severity.HIGH, AlertStatus.FIRING, start, start, Map.of("provider", "stripe"));
        Alert second = alert(service, "WebhookSlow", Severity.HIGH, AlertStatus.FIRING, start, start, Map.of("provider", "paypal"));

        TestEvents.send(Topics.ALERTS, first.getFingerprint(), first);
        TestEvents.send(Topics.ALERTS, second.getFingerprint(), second);
        await().untilAsserted(() -> assertThat(groupsOf(first.getFingerprint(), second.getFingerprint())).containsExactly(2L, 1L));
        assertThat(receivers.received("/slack", service)).isEmpty();

        clock.advance(Duration.ofMillis(1500)); // the route's group_wait
        await().untilAsserted(() -> assertThat(receivers.received("/slack", service)).hasSize(1));
        String message = receivers.received("/slack", service).get(0);
        assertThat(message).contains("[FIRING:2] WebhookSlow").contains(first.getFingerprint()).contains(second.getFingerprint());
    }

    @Test
    void alertsOfOneGroupInOneBatchJoinItTogetherAndAreSentAsOneMessage() {
        String service = unique("batched");
        Instant start = now();
        Alert first = alert(service, "WebhookSlow", Severity.HIGH, AlertStatus.FIRING, start, start, Map.of("provider", "stripe"));
        Alert second = alert(service, "WebhookSlow", Severity.HIGH, AlertStatus.FIRING, start, start, Map.of("provider", "paypal"));

        // the listener hands a poll to the intake as one batch; here the batch is made certain
        intake.acceptAll(List.of(first, second)).block();

        await().untilAsserted(() -> assertThat(receivers.received("/slack", service)).hasSize(1));
        assertThat(receivers.received("/slack", service).get(0)).contains("[FIRING:2] WebhookSlow")
                .contains(first.getFingerprint()).contains(second.getFingerprint());
        assertThat(groupsOf(first.getFingerprint(), second.getFingerprint())).containsExactly(2L, 1L);
    }

    @Test
    void silencedAlertIsHeldBackAndNotifiedAtOnceWhenTheSilenceIsExpired() {
        String service = unique("silenced");
        String silenceId = web.post().uri("/api/alerts/silences").headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("matchers", List.of("service=\"" + service + "\""), "endsAt", now().plusSeconds(3600).toString(),
                        "comment", "venue maintenance"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        Alert firing = alert(service, "VenueWifiDown", Severity.HIGH, AlertStatus.FIRING, now(), now());
        TestEvents.send(Topics.ALERTS, firing.getFingerprint(), firing);
        // held back, and scheduled to be told when the silence ends in an hour
        await().untilAsserted(() -> assertThat(db.sql("select next_flush_at, last_flush_at from alert_group where group_key like :k")
                .bind("k", "%" + service + "%").fetch().all().collectList().block()).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("last_flush_at")).isNull();
                    assertThat(((OffsetDateTime) row.get("next_flush_at")).toInstant()).isAfter(now().plusSeconds(3000));
                }));
        assertThat(receivers.received("/slack", service)).isEmpty();

        web.delete().uri("/api/alerts/silences/" + silenceId).headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .exchange().expectStatus().isNoContent();

        await().untilAsserted(() -> assertThat(receivers.received("/slack", service)).hasSize(1));
    }

    @Test
    void aCriticalInhibitsTheLowerAlertsOfItsServiceUntilItResolves() {
        String service = unique("inhibit");
        Instant start = now();
        Alert critical = alert(service, "TargetCritical", Severity.CRITICAL, AlertStatus.FIRING, start, start);
        TestEvents.send(Topics.ALERTS, critical.getFingerprint(), critical);
        await().untilAsserted(() -> assertThat(receivers.received("/slack", service)).hasSize(1));

        Alert medium = alert(service, "ErrorRateHigh", Severity.MEDIUM, AlertStatus.FIRING, start, start);
        TestEvents.send(Topics.ALERTS, medium.getFingerprint(), medium);
        // the medium's group was flushed and told nobody: the flush is recorded (not due again until the group changes)
        // in the same transaction that would have queued its notification
        String mediumGroup = await().until(() -> flushedWithoutRepeat(medium.getFingerprint()), Optional::isPresent).orElseThrow();
        assertThat(db.sql("select count(*) as n from notification where subject = :group").bind("group", mediumGroup)
                .map(row -> row.get("n", Long.class)).one().block()).isZero();
        assertThat(receivers.received("/slack", "ErrorRateHigh").stream().filter(m -> m.contains(service))).isEmpty();

        TestEvents.send(Topics.ALERTS, critical.getFingerprint(), alert(service, "TargetCritical", Severity.CRITICAL, AlertStatus.RESOLVED, start, start.plusSeconds(1)));

        await().untilAsserted(() -> assertThat(receivers.received("/slack", service).stream().filter(m -> m.contains("ErrorRateHigh"))).hasSize(1));
    }

    @Test
    void unacknowledgedPageEscalatesToTheNextTierAndAcknowledgementStopsIt() {
        String service = "paged-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = now();
        Alert page = alert(service, "CheckoutDown", Severity.CRITICAL, AlertStatus.FIRING, start, start);
        TestEvents.send(Topics.ALERTS, page.getFingerprint(), page);

        await().untilAsserted(() -> assertThat(receivers.received("/pagerduty", page.getFingerprint())).hasSize(1));
        JsonNode trigger = JSON.readTree(receivers.received("/pagerduty", page.getFingerprint()).get(0));
        assertThat(trigger.get("event_action").asString()).isEqualTo("trigger");
        assertThat(trigger.get("dedup_key").asString()).isEqualTo(page.getFingerprint());
        assertThat(trigger.get("routing_key").asString()).isEqualTo("test-routing-key");
        assertThat(trigger.at("/payload/severity").asString()).isEqualTo("critical");

        assertThat(receivers.received("/leadership", page.getFingerprint())).isEmpty();

        clock.advance(Duration.ofSeconds(1)); // tier 0's ack timeout
        await().untilAsserted(() -> assertThat(receivers.received("/leadership", page.getFingerprint())).hasSize(1));
        assertThat(receivers.received("/leadership", page.getFingerprint()).get(0)).contains("\"reason\":\"ESCALATION\"");
        // a person sees where the escalation stands on the alert itself: the policy and the tier reached
        web.get().uri("/api/alerts/" + page.getFingerprint()).headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.escalation.policy").isEqualTo("quick")
                .jsonPath("$.escalation.step").isEqualTo(1);

        web.post().uri("/api/alerts/" + page.getFingerprint() + "/ack").headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("comment", "on it"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("ACKNOWLEDGED")
                .jsonPath("$.acknowledgedBy").isEqualTo("test-user");

        await().untilAsserted(() -> assertThat(receivers.received("/pagerduty", page.getFingerprint()))
                .anySatisfy(body -> assertThat(body).contains("\"event_action\":\"acknowledge\"")));
        Map<String, Object> escalation = db.sql("select step, next_at from escalation where fingerprint = :fp")
                .bind("fp", page.getFingerprint()).fetch().one().block();
        assertThat(escalation.get("next_at")).isNull();
        web.get().uri("/api/alerts/" + page.getFingerprint()).headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.escalation.step").isEqualTo(1)
                .jsonPath("$.escalation.nextAt").doesNotExist();
        // past the time the next step would have been due (tier 1's ack timeout), then a later page's escalation as the
        // marker: the runner takes due steps oldest first, so once the marker's is taken, this page's would have been
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        Alert marker = alert(unique("paged"), "CheckoutDown", Severity.CRITICAL, AlertStatus.FIRING, now(), now());
        TestEvents.send(Topics.ALERTS, marker.getFingerprint(), marker);
        await().untilAsserted(() -> assertThat(receivers.received("/pagerduty", marker.getFingerprint())).hasSize(1));
        clock.advance(Duration.ofSeconds(1));
        await().untilAsserted(() -> assertThat(receivers.received("/leadership", marker.getFingerprint())).hasSize(1));
        assertThat(receivers.received("/leadership", page.getFingerprint())).hasSize(1);
        assertThat(receivers.received("/pagerduty", page.getFingerprint()))
                .filteredOn(body -> body.contains("\"event_action\":\"trigger\"")).hasSize(1);
        assertThat(db.sql("select count(*) as n from audit_log where action = 'acknowledge' and target = :fp")
                .bind("fp", page.getFingerprint()).fetch().one().block().get("n")).isEqualTo(1L);
    }

    @Test
    void whenSlacksCircuitBreakerOpensTheFallbackEmailCarriesTheMessage() throws Exception {
        receivers.answer("/slack-down", 500);
        try (TopicProbe<SpecificRecord> outcomes = TopicProbe.events(Topics.NOTIFICATIONS)) {
            String service = "flaky-" + UUID.randomUUID().toString().substring(0, 8);
            Alert alert = alert(service, "CrmSlow", Severity.HIGH, AlertStatus.FIRING, now(), now());
            TestEvents.send(Topics.ALERTS, alert.getFingerprint(), alert);

            // the first attempt's calls fail and open the breaker; the attempt after the retry pause finds it open
            outcomes.awaitEvent(NotificationOutcome.class, o -> o.getAlertName().contains(service) && o.getOutcome() == DeliveryOutcome.RETRYING);
            clock.advance(Duration.ofSeconds(1));
            NotificationOutcome fellBack = outcomes.awaitEvent(NotificationOutcome.class,
                    o -> o.getAlertName().contains(service) && o.getOutcome() == DeliveryOutcome.FALLBACK);
            assertThat(fellBack.getReceiver()).isEqualTo("flaky/slack");
            assertThat(fellBack.getError()).contains("circuit breaker open").contains("oncall-mail");
            await().untilAsserted(() -> assertThat(mail.getReceivedMessages()).anySatisfy(message -> assertThat(subject(message)).contains(service)));
            MimeMessage email = Arrays.stream(mail.getReceivedMessages()).filter(m -> subject(m).contains(service)).findFirst().orElseThrow();
            assertThat(email.getAllRecipients()[0].toString()).isEqualTo("oncall@wedops.test");
            assertThat(GreenMailUtil.getBody(email)).contains("CrmSlow").contains("text/html").contains("text/plain");
        }
    }

    @Test
    void alertListFiltersBySeverityRegionServiceAndSince() {
        String service = unique("listed");
        Instant start = now();
        Alert ukHigh = alert(service, "SlowCheckout", Severity.HIGH, AlertStatus.FIRING, start, start);
        Alert ukCritical = alert(service, "CheckoutDown", Severity.CRITICAL, AlertStatus.FIRING, start, start);
        Alert usHigh = Alert.newBuilder(alert(service, "SlowUpload", Severity.HIGH, AlertStatus.FIRING, start, start)).setRegion("us").build();
        for (Alert alert : List.of(ukHigh, ukCritical, usHigh)) {
            TestEvents.send(Topics.ALERTS, alert.getFingerprint(), alert);
        }
        await().untilAsserted(() -> web.get().uri("/api/alerts?service={s}", service).headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(3));

        web.get().uri("/api/alerts?service={s}&severity=high&region=uk", service).headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].fingerprint").isEqualTo(ukHigh.getFingerprint());
        web.get().uri("/api/alerts?service={s}&region=us", service).headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].fingerprint").isEqualTo(usHigh.getFingerprint());
        web.get().uri("/api/alerts?service={s}&since={t}", service, now().plusSeconds(3600))
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        web.get().uri("/api/alerts?since=yesterday").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("since");
        web.get().uri("/api/alerts?severity=URGENT").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("severity");
    }

    @Test
    void anAlertRaisedByHandIsAuditedTakesTheSamePathAndBadInputNamesTheField() {
        String service = unique("manual");
        String fingerprint = (String) web.post().uri("/api/alerts").headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "VenueWifiDown", "severity", "HIGH", "service", service, "region", "uk",
                        "summary", "the barn's wifi is down", "labels", Map.of("venue", "old-barn")))
                .exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("fingerprint");

        Map<String, Object> audited = db.sql("select at, actor, reason, outcome from audit_log where action = 'alert.raise' and target = :fp")
                .bind("fp", fingerprint).fetch().one().block();
        assertThat(audited).containsEntry("actor", "test-user").containsEntry("reason", "the barn's wifi is down")
                .containsEntry("outcome", "PUBLISHED: HIGH VenueWifiDown for " + service + "/uk");
        assertThat(audited.get("at")).isNotNull();
        await().untilAsserted(() -> assertThat(receivers.received("/slack", service)).hasSize(1));
        web.get().uri("/api/alerts/" + fingerprint).headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.labels.raised_by").isEqualTo("test-user")
                .jsonPath("$.source").isEqualTo("manual");

        web.post().uri("/api/alerts").headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "X", "severity", "URGENT", "service", service, "summary", "s"))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("severity");
        web.post().uri("/api/alerts").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "X"))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void anInvalidRoutingChangeIsRefusedWithItsErrorsAndTheOldRoutingStays() throws IOException {
        String good = Files.readString(routingFile);
        web.post().uri("/api/alerts/routes/reload").headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .exchange().expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        try {
            Files.writeString(routingFile, good.replace("group_wait: 0s", "group_wait: whenever"));
            web.post().uri("/api/alerts/routes/reload").headers(h -> h.setBearerAuth(TestTokens.withRoles("ADMIN")))
                    .exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.applied").isEqualTo(false)
                    .jsonPath("$.problems[0]").isEqualTo("route.group_wait: 'whenever' is not a duration (e.g. 30s, 5m, 4h)");
            web.get().uri("/api/alerts/routes").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                    .exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.route.receiver").isEqualTo("team")
                    .jsonPath("$.lastLoad.applied").isEqualTo(false);
        } finally {
            Files.writeString(routingFile, good);
            web.post().uri("/api/alerts/routes/reload").headers(h -> h.setBearerAuth(TestTokens.withRoles("ADMIN")))
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.applied").isEqualTo(true);
        }
    }

    @Test
    void undecodableAlertGoesToTheDeadLetterTopicAndTheNextAlertIsStillRouted() {
        String service = unique("dlt");
        Alert alert = alert(service, "VenueWifiDown", Severity.HIGH, AlertStatus.FIRING, now(), now());
        TestEvents.sendRaw(Topics.ALERTS, alert.getFingerprint(), new byte[] {(byte) 0xC3, 0x01, 1, 2, 3}, Map.of());
        TestEvents.send(Topics.ALERTS, alert.getFingerprint(), alert);

        try (TopicProbe<byte[]> deadLetters = TopicProbe.raw(Topics.deadLetterOf(Topics.ALERTS))) {
            var dead = deadLetters.await(r -> alert.getFingerprint().equals(r.key()));
            assertThat(new String(dead.headers().lastHeader("wedops_dlt-reason").value(), StandardCharsets.UTF_8))
                    .contains("SerializationException");
        }
        await().untilAsserted(() -> assertThat(receivers.received("/slack", service)).hasSize(1));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The router's time: alerts say they happened when the router's clock says it is. */
    private Instant now() {
        return clock.instant();
    }

    /** How many memberships the alerts have and in how many groups. */
    private List<Long> groupsOf(String... fingerprints) {
        return db.sql("select count(*) as members, count(distinct group_key) as groups from alert_group_member where fingerprint = any(:fps)")
                .bind("fps", fingerprints)
                .map((row, meta) -> List.of(row.get("members", Long.class), row.get("groups", Long.class))).one().block();
    }

    /** The key of the alert's group once a flush of it ended telling nobody (no notification, nothing due until it changes). */
    private Optional<String> flushedWithoutRepeat(String fingerprint) {
        return db.sql("""
                        select g.group_key from alert_group g join alert_group_member m on m.group_key = g.group_key
                        where m.fingerprint = :fp and g.next_flush_at is null and g.claimed_until is null and g.last_flush_at is null""")
                .bind("fp", fingerprint).map(row -> row.get("group_key", String.class)).one().blockOptional();
    }

    private static Alert alert(String service, String name, Severity severity, AlertStatus status, Instant startsAt, Instant occurredAt) {
        return alert(service, name, severity, status, startsAt, occurredAt, Map.of());
    }

    private static Alert alert(String service, String name, Severity severity, AlertStatus status, Instant startsAt, Instant occurredAt,
                               Map<String, String> labels) {
        return Alert.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(occurredAt)
                .setFingerprint(service + "-" + name + "-" + Integer.toHexString(labels.hashCode())).setName(name).setStatus(status).setSeverity(severity)
                .setService(service).setRegion("uk").setSummary(name + " on " + service).setSource("test")
                .setStartsAt(startsAt).setEndsAt(status == AlertStatus.RESOLVED ? occurredAt : null)
                .setLabels(labels)
                .build();
    }

    private static Path writeRouting() {
        try {
            Path file = Files.createTempFile("alert-routing", ".yml");
            Files.writeString(file, """
                    route:
                      receiver: team
                      group_by: [alertname, service, region]
                      group_wait: 0s
                      group_interval: 300ms
                      repeat_interval: 1h
                      fallback: oncall-mail
                      routes:
                        - matchers: ['service=~"grouped-.*"']
                          group_wait: 1500ms
                        - matchers: ['service=~"flaky-.*"']
                          receiver: flaky
                        - matchers: ['service=~"paged-.*"']
                          receiver: paged
                          escalation: quick
                    receivers:
                      - name: team
                        slack: {}
                      - name: flaky
                        slack: {url: "%s"}
                      - name: paged
                        pagerduty: {routing_key: test-routing-key, url: "%s"}
                      - name: leadership
                        webhook: {url: "%s"}
                      - name: oncall-mail
                        email: {to: [oncall@wedops.test]}
                    inhibit_rules:
                      - source_matchers: ['severity="CRITICAL"']
                        target_matchers: ['severity=~"HIGH|MEDIUM"']
                        equal: [service, region]
                    escalations:
                      - name: quick
                        tiers:
                          - {receiver: paged, ack_timeout: 1s}
                          - {receiver: leadership, ack_timeout: 1m}
                        repeat: 1
                    """.formatted(receivers.url("/slack-down"), receivers.url("/pagerduty"), receivers.url("/leadership")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
