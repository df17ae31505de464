package org.wedops.apm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.support.web.InvalidRequestException;
import org.wedops.testsupport.MutableClock;
import org.wedops.testsupport.SharedPostgres;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.WedopsIntegrationTest;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A batch id holds across instances and restarts: the instances share the ledger in the service's database. "Another
 * instance" here is a second {@link BatchAnswers} with its own memory over the same database, as a second process or
 * this one after a restart has.
 */
@WedopsIntegrationTest
class SharedBatchIdsIT {

    private static final String CALLER = "test-user";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Autowired
    JsonMapper json;

    @Autowired
    BatchIdSettings batchIds;

    @Autowired
    ForgottenBatchIds forgotten;

    @Autowired
    MutableClock clock;

    @AfterEach
    void databaseBack() {
        SharedPostgres.start();
        // the pool's next connection, not this test's, may be the first one refused after the restart
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> db.sql("select 1").fetch().one().block(Duration.ofSeconds(5)) != null);
    }

    @Test
    void aRetryReachingAnotherInstanceGetsTheFirstAnswerAndTakesNothingAgain() {
        String key = "cross-" + UUID.randomUUID();
        String body = batch("cross");
        String first = answerOf(post(body, key).expectStatus().isOk());

        IngestResult elsewhere = anotherInstance(clockNow()).answer(CALLER, key, "Idempotency-Key", bytes(body), mustNotTake())
                .block(WAIT);

        assertThat(json.writeValueAsString(elsewhere)).isEqualTo(first).contains("\"accepted\":2");
    }

    @Test
    void anotherBodyUnderTheSameIdIsRefusedOnAnotherInstanceToo() {
        String key = "other-" + UUID.randomUUID();
        post(batch("other"), key).expectStatus().isOk();

        assertThatThrownBy(() -> anotherInstance(clockNow()).answer(CALLER, key, "batchId", bytes(batch("different")), mustNotTake()).block(WAIT))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> assertThat(refused.getMessage()).contains("batchId", "another batch"));
    }

    @Test
    void aBatchAnotherInstanceIsTakingIsAConflictUntilItsClaimIsAbandonedThenItsRetryTakesItOver() {
        String key = "abandoned-" + UUID.randomUUID();
        String body = batch("abandoned");
        MutableClock killed = clockNow();
        BatchLedger ledger = new BatchLedger(db, json, killed, batchIds);
        // an instance claims the batch and is killed before it answers
        assertThat(ledger.claim(CALLER, key, checksum(body), bytes(body).length).block(WAIT)).isInstanceOf(BatchLedger.Claim.Won.class);

        post(body, key).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Another apm-ingest instance"));

        killed.advance(batchIds.abandonAfter().plusSeconds(1));
        AtomicInteger taken = new AtomicInteger();
        IngestResult answer = new BatchAnswers(batchIds, ledger).answer(CALLER, key, "Idempotency-Key", bytes(body), () -> {
            taken.incrementAndGet();
            return Mono.just(new IngestResult(2, List.of()));
        }).block(WAIT);

        assertThat(taken).hasValue(1);
        assertThat(answer.accepted()).isEqualTo(2);
        // and the service itself now answers the retry with that answer
        assertThat(answerOf(post(body, key).expectStatus().isOk())).isEqualTo(json.writeValueAsString(answer));
    }

    @Test
    void aBatchIdOlderThanTheMemoryIsTakenAgainAsANewBatch() {
        String key = "old-" + UUID.randomUUID();
        String body = batch("old");
        post(body, key).expectStatus().isOk();
        MutableClock later = clockNow();
        later.advance(batchIds.remember().plusMinutes(1));
        AtomicInteger taken = new AtomicInteger();

        new BatchAnswers(batchIds, new BatchLedger(db, json, later, batchIds))
                .answer(CALLER, key, "Idempotency-Key", bytes(batch("new body, old id")), () -> {
                    taken.incrementAndGet();
                    return Mono.just(new IngestResult(1, List.of()));
                }).block(WAIT);

        assertThat(taken).hasValue(1);
    }

    @Test
    void batchIdsOlderThanTheMemoryAreDeletedAndNewerOnesKept() {
        String old = "forgotten-" + UUID.randomUUID();
        String recent = "kept-" + UUID.randomUUID();
        MutableClock longAgo = clockNow();
        longAgo.advance(batchIds.remember().plusMinutes(1).negated());
        new BatchLedger(db, json, longAgo, batchIds).claim(CALLER, old, 1, 1).block(WAIT);
        new BatchLedger(db, json, clockNow(), batchIds).claim(CALLER, recent, 1, 1).block(WAIT);

        forgotten.forget().block(WAIT);

        assertThat(stored(old)).isZero();
        assertThat(stored(recent)).isOne();
    }

    private long stored(String batchId) {
        return db.sql("select count(*) from ingest_batch where batch_id = :id").bind("id", batchId)
                .map(row -> row.get(0, Long.class)).one().block(WAIT);
    }

    @Test
    void whileTheDatabaseIsDownABatchWithAnIdIsStillTakenAndItsRetryOnTheSameInstanceAnsweredFromMemory() {
        String key = "outage-" + UUID.randomUUID();
        String body = batch("outage");
        SharedPostgres.stop();

        String first = answerOf(post(body, key).expectStatus().isOk());
        String retried = answerOf(post(body, key).expectStatus().isOk());

        assertThat(first).contains("\"accepted\":2").isEqualTo(retried);
    }

    private BatchAnswers anotherInstance(MutableClock clock) {
        return new BatchAnswers(batchIds, new BatchLedger(db, json, clock, batchIds));
    }

    /** Another instance's clock, at the service's time: a batch id expires by the service's clock, not the machine's. */
    private MutableClock clockNow() {
        return new MutableClock(clock.instant());
    }

    private static Supplier<Mono<IngestResult>> mustNotTake() {
        return () -> Mono.error(new AssertionError("the batch was taken a second time"));
    }

    private String batch(String operation) {
        String sample = "{\"kind\":\"WEBHOOK\",\"service\":\"payments\",\"operation\":\"shared." + operation + "\",\"provider\":\"stripe\","
                + "\"region\":\"uk\",\"environment\":\"prod\",\"timestamp\":\"" + clock.instant() + "\",\"durationMs\":12,\"success\":true,\"attributes\":{}}";
        return "{\"samples\":[" + sample + "," + sample + "]}";
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static long checksum(String body) {
        CRC32C crc = new CRC32C();
        crc.update(bytes(body));
        return crc.getValue();
    }

    private static String answerOf(WebTestClient.ResponseSpec response) {
        return new String(response.expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
    }

    private WebTestClient.ResponseSpec post(String body, String key) {
        return web.post().uri("/api/apm/samples")
                .headers(h -> {
                    h.setBearerAuth(TestTokens.ingest());
                    h.set("Idempotency-Key", key);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(bytes(body))
                .exchange();
    }
}
