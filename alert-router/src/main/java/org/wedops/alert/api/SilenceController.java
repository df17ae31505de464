package org.wedops.alert.api;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.support.audit.AuditLog;
import org.wedops.alert.silence.Silence;
import org.wedops.alert.silence.SilenceCatchUp;
import org.wedops.alert.silence.Silences;
import org.wedops.alert.routing.LabelMatcher;
import org.wedops.alert.routing.WeeklyWindow;
import org.wedops.support.web.FieldProblem;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/alerts/silences")
class SilenceController {

    private static final Duration LONGEST = Duration.ofDays(30);

    private final Silences silences;
    private final SilenceCatchUp catchUp;
    private final AuditLog audit;
    private final TransactionalOperator transaction;
    private final Clock clock;

    SilenceController(Silences silences, SilenceCatchUp catchUp, AuditLog audit, TransactionalOperator transaction, Clock clock) {
        this.silences = silences;
        this.catchUp = catchUp;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    @PostMapping
    Mono<ResponseEntity<SilenceView>> create(@Valid @RequestBody NewSilence request, Principal principal) {
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        List<LabelMatcher> matchers = new ArrayList<>();
        for (int i = 0; i < request.matchers().size(); i++) {
            try {
                matchers.add(LabelMatcher.parse(request.matchers().get(i)));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("matchers[" + i + "]", e.getMessage()));
            }
        }
        Instant startsAt = request.startsAt() != null ? request.startsAt() : now;
        if (!request.endsAt().isAfter(startsAt)) {
            problems.add(new FieldProblem("endsAt", "must be after startsAt"));
        } else if (Duration.between(startsAt, request.endsAt()).compareTo(LONGEST) > 0) {
            problems.add(new FieldProblem("endsAt", "a silence lasts at most 30 days"));
        }
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidRequestException(problems));
        }
        Silence.Recurrence recurrence = request.recurrence() == null ? null : recurrence(request.recurrence(), problems);
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidRequestException(problems));
        }
        Silence silence = new Silence(UUID.randomUUID(), List.copyOf(matchers), startsAt, request.endsAt(), principal.getName(),
                request.comment(), Boolean.TRUE.equals(request.expireOnResolve()), null, recurrence);
        return silences.create(silence, now)
                .flatMap(created -> audit.record(now, principal.getName(), "silence.create", created.id().toString(), request.comment(), "CREATED")
                        .thenReturn(created))
                .as(transaction::transactional)
                .map(created -> ResponseEntity.status(HttpStatus.CREATED).body(SilenceView.of(created)));
    }

    @GetMapping
    Flux<SilenceView> list(@RequestParam(defaultValue = "false") boolean all) {
        return silences.list(all, clock.instant()).map(SilenceView::of);
    }

    @GetMapping("/{id}")
    Mono<SilenceView> get(@PathVariable UUID id) {
        return silences.find(id).map(SilenceView::of)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no silence " + id)));
    }

    /** Expires the silence; alerts it held back are notified at once (catch-up), not at the next repeat. */
    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> expire(@PathVariable UUID id, Principal principal) {
        Instant now = clock.instant();
        return silences.expire(id, now)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no active silence " + id)))
                .flatMap(expired -> catchUp.afterSilenceEnded(expired, now)
                        .then(audit.record(now, principal.getName(), "silence.expire", id.toString(), null, "EXPIRED")))
                .as(transaction::transactional)
                .thenReturn(ResponseEntity.noContent().build());
    }

    private static Silence.Recurrence recurrence(RecurrenceRequest request, List<FieldProblem> problems) {
        try {
            return new Silence.Recurrence(new WeeklyWindow(WeeklyWindow.parseDays(request.weekdays()),
                    java.time.LocalTime.parse(request.startTime()), java.time.LocalTime.parse(request.endTime())),
                    java.time.ZoneId.of(request.timeZone()));
        } catch (RuntimeException e) {
            problems.add(new FieldProblem("recurrence", "needs weekdays (e.g. monday:friday), startTime and endTime as HH:mm and an IANA timeZone"));
            return null;
        }
    }

    record NewSilence(@NotEmpty @Size(max = 20) List<@NotBlank String> matchers, Instant startsAt, @NotNull Instant endsAt,
                      @NotBlank @Size(max = 1000) String comment, Boolean expireOnResolve, RecurrenceRequest recurrence) {
    }

    /** A weekly window within the silence's start and end, e.g. {@code saturday}, 09:00–12:00, Europe/London. */
    record RecurrenceRequest(List<String> weekdays, String startTime, String endTime, String timeZone) {
    }

    record SilenceView(UUID id, List<String> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment,
                       boolean expireOnResolve, Instant expiredAt, RecurrenceRequest recurrence) {
        static SilenceView of(Silence silence) {
            Silence.Recurrence r = silence.recurrence();
            return new SilenceView(silence.id(), silence.matchers().stream().map(LabelMatcher::toString).toList(), silence.startsAt(),
                    silence.endsAt(), silence.createdBy(), silence.comment(), silence.expireOnResolve(), silence.expiredAt(),
                    r == null ? null : new RecurrenceRequest(r.window().days().stream().map(d -> d.name().toLowerCase()).toList(),
                            r.window().start().toString(), r.window().end().toString(), r.zone().getId()));
        }
    }
}
