package org.wedops.alert.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The escalation table: one row per alert with a policy, the step reached and when the next step is due. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Escalations {

    /** A due escalation as the runner sees it. */
    public record Due(String fingerprint, String policy, Instant episodeStart, int step, boolean weddingDay) {
    }

    /**
     * Where an alert's escalation stands, for people: the policy, the tier reached (0 is the first) and when the next
     * tier is due; {@code nextAt} null once acknowledged, resolved or past the last tier.
     */
    public record Standing(String policy, int step, Instant nextAt) {
    }

    private final DatabaseClient db;

    /** Starts (or restarts, for a new episode) an alert's escalation; the first step is due after tier 0's ack timeout. */
    public Mono<Void> start(String fingerprint, String policy, Instant episodeStart, boolean weddingDay, Instant firstStepAt) {
        return db.sql("""
                        insert into escalation (fingerprint, policy, episode_start, step, wedding_day, next_at)
                        values (:fp, :policy, :start, 0, :wedding, :next)
                        on conflict (fingerprint) do update set policy = excluded.policy, episode_start = excluded.episode_start,
                          step = 0, wedding_day = excluded.wedding_day, next_at = excluded.next_at, claimed_until = null""")
                .bind("fp", fingerprint).bind("policy", policy).bind("start", at(episodeStart)).bind("wedding", weddingDay)
                .bind("next", at(firstStepAt))
                .fetch().rowsUpdated().then();
    }

    /** Acknowledgement or resolution: no further step. */
    public Mono<Void> stop(String fingerprint) {
        return db.sql("update escalation set next_at = null, claimed_until = null where fingerprint = :fp")
                .bind("fp", fingerprint).fetch().rowsUpdated().then();
    }

    /** Empty for an alert that never had a policy. */
    public Mono<Standing> standing(String fingerprint) {
        return db.sql("select policy, step, next_at from escalation where fingerprint = :fp")
                .bind("fp", fingerprint)
                .map((row, meta) -> {
                    OffsetDateTime next = row.get("next_at", OffsetDateTime.class);
                    return new Standing(row.get("policy", String.class), row.get("step", Integer.class), next == null ? null : next.toInstant());
                })
                .one();
    }

    public Flux<Due> claimDue(Instant now, Duration claimFor, int limit) {
        return db.sql("""
                        update escalation set claimed_until = :until
                        where fingerprint in (select fingerprint from escalation
                                              where next_at <= :now and (claimed_until is null or claimed_until < :now)
                                              order by next_at limit :limit for update skip locked)
                        returning *""")
                .bind("now", at(now)).bind("until", at(now.plus(claimFor))).bind("limit", limit)
                .map((row, meta) -> new Due(row.get("fingerprint", String.class), row.get("policy", String.class),
                        row.get("episode_start", OffsetDateTime.class).toInstant(), row.get("step", Integer.class),
                        row.get("wedding_day", Boolean.class)))
                .all();
    }

    /** Records that a step was taken; {@code nextAt} null when it was the last. */
    public Mono<Void> stepped(String fingerprint, int step, Instant nextAt) {
        return db.sql("update escalation set step = :step, next_at = :next, claimed_until = null where fingerprint = :fp")
                .bind("fp", fingerprint).bind("step", step)
                .bind("next", Parameter.fromOrEmpty(nextAt == null ? null : at(nextAt), OffsetDateTime.class))
                .fetch().rowsUpdated().then();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
