package org.wedops.planner.regions;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wedops.support.audit.AuditLog;
import org.wedops.planner.protection.ProtectionLoop;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Regions with their time zones and the cultural factors of the wedding load: data, not code. Edits need a reason,
 * are audited and republish protection at once.
 */
@RestController
@RequestMapping("/api/infrastructure")
class RegionController {

    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern CULTURE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final BigDecimal LOWEST_FACTOR = new BigDecimal("0.1");
    private static final BigDecimal HIGHEST_FACTOR = new BigDecimal("10");

    private final DatabaseClient db;
    private final AuditLog audit;
    private final ProtectionLoop protection;
    private final TransactionalOperator transaction;
    private final Clock clock;

    RegionController(DatabaseClient db, AuditLog audit, ProtectionLoop protection, TransactionalOperator transaction, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.protection = protection;
        this.transaction = transaction;
        this.clock = clock;
    }

    record Region(String id, String timeZone) {
    }

    record RegionChange(String timeZone, String reason) {
    }

    record CultureFactor(String culture, BigDecimal factor) {
    }

    record FactorChange(BigDecimal factor, String reason) {
    }

    @GetMapping("/regions")
    Flux<Region> regions() {
        return db.sql("select id, time_zone from region order by id")
                .map((row, meta) -> new Region(row.get("id", String.class), row.get("time_zone", String.class))).all();
    }

    @PutMapping("/regions/{id}")
    Mono<Region> putRegion(@PathVariable String id, @RequestBody RegionChange change, Principal principal) {
        if (!REGION.matcher(id).matches()) {
            return Mono.error(new InvalidRequestException("id", "must be 1–40 lower-case letters, digits or '-'"));
        }
        String zone;
        try {
            zone = ZoneId.of(change.timeZone() == null ? "" : change.timeZone().trim()).getId();
        } catch (DateTimeException e) {
            return Mono.error(new InvalidRequestException("timeZone", "must be an IANA time zone such as Europe/London"));
        }
        String reason = reason(change.reason());
        Instant now = clock.instant();
        return db.sql("insert into region (id, time_zone) values (:id, :zone) on conflict (id) do update set time_zone = excluded.time_zone")
                .bind("id", id).bind("zone", zone).fetch().rowsUpdated()
                .then(audit.record(now, principal.getName(), "region.put", id, reason, "time zone " + zone))
                .as(transaction::transactional)
                .doOnSuccess(done -> protection.changed())
                .thenReturn(new Region(id, zone));
    }

    @GetMapping("/culture-factors")
    Flux<CultureFactor> factors() {
        return db.sql("select culture, factor from culture_factor order by culture")
                .map((row, meta) -> new CultureFactor(row.get("culture", String.class), row.get("factor", BigDecimal.class))).all();
    }

    /** Sets the factor of a culture (creating it); weddings of a culture without a factor weigh as OTHER. */
    @PutMapping("/culture-factors/{culture}")
    Mono<CultureFactor> putFactor(@PathVariable String culture, @RequestBody FactorChange change, Principal principal) {
        String name = culture.trim().toUpperCase(Locale.ROOT);
        if (!CULTURE.matcher(name).matches()) {
            return Mono.error(new InvalidRequestException("culture", "must be 1–40 letters, digits or '_', e.g. INDIAN"));
        }
        if (change.factor() == null || change.factor().compareTo(LOWEST_FACTOR) < 0 || change.factor().compareTo(HIGHEST_FACTOR) > 0) {
            return Mono.error(new InvalidRequestException("factor", "must be between 0.1 and 10"));
        }
        BigDecimal factor = change.factor().setScale(2, java.math.RoundingMode.HALF_UP);
        String reason = reason(change.reason());
        Instant now = clock.instant();
        return db.sql("insert into culture_factor (culture, factor) values (:culture, :factor) on conflict (culture) do update set factor = excluded.factor")
                .bind("culture", name).bind("factor", factor).fetch().rowsUpdated()
                .then(audit.record(now, principal.getName(), "culture-factor.put", name, reason, "factor " + factor.toPlainString()))
                .as(transaction::transactional)
                .doOnSuccess(done -> protection.changed())
                .thenReturn(new CultureFactor(name, factor));
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "a reason for the change is required");
        }
        return reason.trim();
    }
}
