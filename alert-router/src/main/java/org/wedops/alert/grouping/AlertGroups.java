package org.wedops.alert.grouping;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.wedops.alert.routing.Route;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Groups and their members. A change to a member schedules the group's next flush the way Alertmanager does: a new
 * group waits {@code group_wait}; a group already notified waits until {@code group_interval} after its last flush.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AlertGroups {

    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
    };

    /** A group as the flusher sees it. */
    public record Group(String key, String routeId, String receiver, String fallback, Map<String, String> labels,
                        Duration groupInterval, Duration repeatInterval, int flushSeq, Instant changedAt, Instant lastFlushAt) {

        /** Whether the repeat interval has passed since the group was last told (or it never was). */
        public boolean repeatDue(Instant now) {
            return lastFlushAt == null || !now.isBefore(lastFlushAt.plus(repeatInterval));
        }
    }

    private final DatabaseClient db;
    private final JsonMapper json;

    /** An alert that changed, as a member of the group of one route it matches. */
    public record MemberChange(Route route, String groupKey, Map<String, String> groupLabels, String fingerprint) {
    }

    /**
     * Records that alerts of these groups changed, in the caller's transaction: two statements however many alerts and
     * groups (a storm changes hundreds at once). Groups are written in key order, so two writers lock them in the same order.
     */
    public Mono<Void> membersChanged(Collection<MemberChange> changes, Instant now) {
        if (changes.isEmpty()) {
            return Mono.empty();
        }
        Map<String, MemberChange> byGroup = new TreeMap<>();
        changes.forEach(change -> byGroup.putIfAbsent(change.groupKey(), change));
        Collection<MemberChange> groups = byGroup.values();
        Mono<Long> upserted = db.sql("""
                        insert into alert_group (group_key, route_id, receiver, fallback, labels, group_interval_ms, repeat_interval_ms,
                                                 next_flush_at, changed_at)
                        select g.key, g.route, g.receiver, g.fallback, g.labels::jsonb, g.interval, g.repeat,
                               :now + g.wait * interval '1 millisecond', :now
                        from unnest(:keys::text[], :routes::text[], :receivers::text[], :fallbacks::text[], :labels::text[],
                                    :intervals::bigint[], :repeats::bigint[], :waits::bigint[])
                             as g(key, route, receiver, fallback, labels, interval, repeat, wait)
                        on conflict (group_key) do update set
                          receiver = excluded.receiver, fallback = excluded.fallback,
                          group_interval_ms = excluded.group_interval_ms, repeat_interval_ms = excluded.repeat_interval_ms,
                          changed_at = :now,
                          next_flush_at = least(coalesce(alert_group.next_flush_at, 'infinity'::timestamptz),
                                                case when alert_group.last_flush_at is null then excluded.next_flush_at
                                                     else greatest(:now, alert_group.last_flush_at + (excluded.group_interval_ms * interval '1 millisecond')) end)""")
                .bind("keys", groups.stream().map(MemberChange::groupKey).toArray(String[]::new))
                .bind("routes", groups.stream().map(g -> g.route().id()).toArray(String[]::new))
                .bind("receivers", groups.stream().map(g -> g.route().receiver()).toArray(String[]::new))
                .bind("fallbacks", groups.stream().map(g -> g.route().fallback()).toArray(String[]::new))
                .bind("labels", groups.stream().map(g -> json.writeValueAsString(g.groupLabels())).toArray(String[]::new))
                .bind("intervals", groups.stream().map(g -> g.route().groupInterval().toMillis()).toArray(Long[]::new))
                .bind("repeats", groups.stream().map(g -> g.route().repeatInterval().toMillis()).toArray(Long[]::new))
                .bind("waits", groups.stream().map(g -> g.route().groupWait().toMillis()).toArray(Long[]::new))
                .bind("now", at(now))
                .fetch().rowsUpdated();
        Mono<Long> members = db.sql("""
                        insert into alert_group_member (group_key, fingerprint)
                        select * from unnest(:keys::text[], :fps::text[]) on conflict do nothing""")
                .bind("keys", changes.stream().map(MemberChange::groupKey).toArray(String[]::new))
                .bind("fps", changes.stream().map(MemberChange::fingerprint).toArray(String[]::new))
                .fetch().rowsUpdated();
        return upserted.then(members).then();
    }

    /** Reserves groups due for a flush; SKIP LOCKED keeps instances apart, an expired claim is taken again. */
    public Flux<Group> claimDue(Instant now, Duration claimFor, int limit) {
        return db.sql("""
                        update alert_group set claimed_until = :until
                        where group_key in (select group_key from alert_group
                                            where next_flush_at <= :now and (claimed_until is null or claimed_until < :now)
                                            order by next_flush_at limit :limit for update skip locked)
                        returning *""")
                .bind("now", at(now)).bind("until", at(now.plus(claimFor))).bind("limit", limit)
                .map(this::read).all();
    }

    /** Fingerprints of a group's members and what they were last notified as (null: never). */
    public Flux<Map.Entry<String, String>> members(String groupKey) {
        return db.sql("select fingerprint, notified_state from alert_group_member where group_key = :key order by fingerprint")
                .bind("key", groupKey)
                .map((row, meta) -> Map.entry(row.get("fingerprint", String.class),
                        String.valueOf(row.get("notified_state", String.class))))
                .all();
    }

    /**
     * Ends a flush: remembers what each member was told, drops members whose resolution was told, and schedules the
     * next flush (a repeat, or sooner when the group changed while it was being flushed).
     */
    public Mono<Void> flushed(Group group, boolean notified, Map<String, String> notifiedStates, Collection<String> dropped,
                              Instant nextFlush, Instant now) {
        // one statement each however many members the group has: a storm flushes hundreds of groups
        Mono<Long> states = notifiedStates.isEmpty() ? Mono.just(0L) : db.sql("""
                        update alert_group_member m set notified_state = told.state
                        from unnest(:fps::text[], :states::text[]) as told(fingerprint, state)
                        where m.group_key = :key and m.fingerprint = told.fingerprint""")
                .bind("fps", notifiedStates.keySet().toArray(String[]::new))
                .bind("states", notifiedStates.values().toArray(String[]::new))
                .bind("key", group.key()).fetch().rowsUpdated();
        Mono<Long> drop = dropped.isEmpty() ? Mono.just(0L) : db.sql("delete from alert_group_member where group_key = :key and fingerprint = any(:fps)")
                .bind("key", group.key()).bind("fps", dropped.toArray(String[]::new)).fetch().rowsUpdated();
        Mono<Long> schedule = db.sql("""
                        update alert_group set claimed_until = null,
                          flush_seq = flush_seq + :increment,
                          last_flush_at = case when :notified then :now else last_flush_at end,
                          next_flush_at = case when changed_at > :changedAt
                                               then least(coalesce(:next, 'infinity'::timestamptz), :now + (group_interval_ms * interval '1 millisecond'))
                                               else :next end
                        where group_key = :key""")
                .bind("increment", notified ? 1 : 0).bind("notified", notified).bind("now", at(now))
                .bind("changedAt", at(group.changedAt()))
                .bind("next", Parameter.fromOrEmpty(nextFlush == null ? null : at(nextFlush), OffsetDateTime.class))
                .bind("key", group.key())
                .fetch().rowsUpdated();
        return states.then(drop).then(schedule).then();
    }

    /** Flushes at once every group holding one of these alerts: the catch-up when a silence ends. */
    public Mono<Long> flushNowGroupsOf(Collection<String> fingerprints, Instant now) {
        if (fingerprints.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("""
                        update alert_group set next_flush_at = :now
                        where group_key in (select group_key from alert_group_member where fingerprint = any(:fps))""")
                .bind("now", at(now)).bind("fps", fingerprints.toArray(String[]::new))
                .fetch().rowsUpdated();
    }

    /**
     * Flushes at once every group with a firing alert nobody was told about (it was inhibited or silenced): when an
     * inhibiting alert resolves, what it hid is told now, not at the next repeat.
     */
    public Mono<Long> flushNowGroupsWithUntoldFiring(Instant now) {
        return db.sql("""
                        update alert_group set next_flush_at = :now
                        where group_key in (select m.group_key from alert_group_member m join alert a on a.fingerprint = m.fingerprint
                                            where a.state = 'FIRING' and m.notified_state is distinct from 'FIRING')""")
                .bind("now", at(now)).fetch().rowsUpdated();
    }

    private Group read(Readable row) {
        return new Group(row.get("group_key", String.class), row.get("route_id", String.class), row.get("receiver", String.class),
                row.get("fallback", String.class), json.readValue(row.get("labels", Json.class).asString(), LABELS),
                Duration.ofMillis(row.get("group_interval_ms", Long.class)), Duration.ofMillis(row.get("repeat_interval_ms", Long.class)),
                row.get("flush_seq", Integer.class), row.get("changed_at", OffsetDateTime.class).toInstant(),
                row.get("last_flush_at", OffsetDateTime.class) == null ? null : row.get("last_flush_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
