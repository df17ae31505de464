package org.wedops.alert.silence;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.support.audit.AuditLog;

import reactor.core.publisher.Mono;

/** What people do to silences: create one, or end one early. Each change is stored and audited in one transaction. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SilenceRequests {

    private final Silences silences;
    private final SilenceCatchUp catchUp;
    private final AuditLog audit;
    private final TransactionalOperator transaction;
    private final Clock clock;

    public Mono<Silence> create(SilenceRequest request, String by) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            Silence silence = request.toSilence(UUID.randomUUID(), by, now);
            return silences.create(silence, now)
                    .flatMap(created -> audit.record(now, by, "silence.create", created.id().toString(), request.comment(), "CREATED")
                            .thenReturn(created))
                    .as(transaction::transactional);
        });
    }

    /** Ends the silence now; alerts it held back are notified at once (catch-up), not at the next repeat. */
    public Mono<Void> expire(UUID id, String by) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return silences.expire(id, now)
                    .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no active silence " + id)))
                    .flatMap(expired -> catchUp.afterSilenceEnded(expired, now)
                            .then(audit.record(now, by, "silence.expire", id.toString(), null, "EXPIRED")))
                    .as(transaction::transactional);
        });
    }
}
