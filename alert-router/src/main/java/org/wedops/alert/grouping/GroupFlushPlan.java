package org.wedops.alert.grouping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.wedops.alert.grouping.AlertGroups.Group;
import org.wedops.alert.lifecycle.AlertState;
import org.wedops.alert.lifecycle.StoredAlert;
import org.wedops.alert.routing.InhibitRule;
import org.wedops.alert.silence.Silence;

/**
 * What one flush of a group does, decided without the database: which members are told as firing (not silenced, not
 * inhibited) and which as resolved (resolved since they were told firing), whether a notification goes out at all,
 * and when the group is due again. {@link GroupFlusher} reads the facts and carries the plan out.
 *
 * @param send      whether a notification goes out now
 * @param firing    members told as firing
 * @param resolved  members told as resolved
 * @param told      fingerprint → state as told, to remember per member
 * @param dropped   resolved members, which leave the group
 * @param nextFlush when the group is flushed again; null: only when it changes
 */
record GroupFlushPlan(boolean send, List<StoredAlert> firing, List<StoredAlert> resolved, Map<String, String> told, Set<String> dropped,
                      Instant nextFlush) {

    static final String FIRING = "FIRING";

    /** The group is muted by its route's time intervals: nothing is told now, nothing forgotten, it is flushed when the mute ends. */
    static GroupFlushPlan muted(Instant until) {
        return new GroupFlushPlan(false, List.of(), List.of(), Map.of(), Set.of(), until);
    }

    /**
     * @param notified   fingerprint → what each member was last told as (null: never)
     * @param members    the members' alerts
     * @param labels     an alert's labels as silences and inhibit rules match them
     * @param silences   the silences active now
     * @param rules      the inhibit rules
     * @param sources    labels of every alert firing anywhere, each a possible inhibition source
     */
    static GroupFlushPlan of(Group group, Map<String, String> notified, List<StoredAlert> members, Function<StoredAlert, Map<String, String>> labels,
                             List<Silence> silences, List<InhibitRule> rules, List<Map<String, String>> sources, Instant now) {
        List<StoredAlert> firing = new ArrayList<>();
        List<StoredAlert> resolved = new ArrayList<>();
        Map<String, String> told = new HashMap<>();
        Instant silencedUntil = null;
        for (StoredAlert alert : members) {
            if (alert.state() == AlertState.FIRING) {
                Map<String, String> alertLabels = labels.apply(alert);
                List<Silence> silencing = silences.stream().filter(s -> s.silences(alertLabels)).toList();
                for (Silence silence : silencing) {
                    Instant until = silence.heldUntil(now);
                    silencedUntil = silencedUntil == null || until.isBefore(silencedUntil) ? until : silencedUntil;
                }
                boolean inhibited = rules.stream().anyMatch(rule -> sources.stream().anyMatch(source -> rule.inhibits(source, alertLabels)));
                if (silencing.isEmpty() && !inhibited) {
                    firing.add(alert);
                    told.put(alert.fingerprint(), FIRING);
                }
            } else if (alert.state() == AlertState.RESOLVED && FIRING.equals(notified.get(alert.fingerprint()))) {
                resolved.add(alert);
            }
        }
        Set<String> dropped = members.stream().filter(a -> a.state() == AlertState.RESOLVED)
                .map(StoredAlert::fingerprint).collect(Collectors.toSet());
        Instant nextFlush = firing.isEmpty() ? null : now.plus(group.repeatInterval());
        // a silenced alert is told as soon as its silence (or the silence's weekly window) ends
        if (silencedUntil != null && (nextFlush == null || silencedUntil.isBefore(nextFlush))) {
            nextFlush = silencedUntil;
        }
        if (firing.isEmpty() && resolved.isEmpty()) {
            return new GroupFlushPlan(false, firing, resolved, told, dropped, nextFlush);
        }
        // woken by a change this group already told (it raced the last flush): the same message again would be a
        // duplicate; only the repeat interval re-sends an unchanged group
        boolean anythingNew = !resolved.isEmpty() || firing.stream().anyMatch(a -> !FIRING.equals(notified.get(a.fingerprint())));
        if (!anythingNew && !group.repeatDue(now)) {
            Instant repeatAt = group.lastFlushAt().plus(group.repeatInterval());
            Instant next = silencedUntil != null && silencedUntil.isBefore(repeatAt) ? silencedUntil : repeatAt;
            return new GroupFlushPlan(false, firing, resolved, told, dropped, next);
        }
        return new GroupFlushPlan(true, firing, resolved, told, dropped, nextFlush);
    }
}
