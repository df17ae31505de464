package org.wedops.planner.regions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.wedops.planner.protection.ProtectionInputsChanged;
import org.wedops.support.audit.AuditLog;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Regions with their time zones and the cultural factors of the wedding load: data, not code. An edit needs a
 * reason, commits with its audit row, and then has protection republished at once.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RegionSettings {

    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern CULTURE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final BigDecimal LOWEST_FACTOR = new BigDecimal("0.1");
    private static final BigDecimal HIGHEST_FACTOR = new BigDecimal("10");

    public record Region(String id, String timeZone) {
    }

    public record CultureFactor(String culture, BigDecimal factor) {
    }

    private final DatabaseClient db;
    private final AuditLog audit;
    private final ApplicationEventPublisher protection;
    private final TransactionalOperator transaction;
    private final Clock clock;

    public Flux<Region> regions() {
        return db.sql("select id, time_zone from region order by id")
                .map((row, meta) -> new Region(row.get("id", String.class), row.get("time_zone", String.class))).all();
    }

    public Mono<Region> putRegion(String id, String timeZone, String reason, String by) {
        if (!REGION.matcher(id).matches()) {
            return Mono.error(new InvalidRequestException("id", "must be 1–40 lower-case letters, digits or '-'"));
        }
        String zone;
        try {
            zone = ZoneId.of(timeZone == null ? "" : timeZone.trim()).getId();
        } catch (DateTimeException e) {
            return Mono.error(new InvalidRequestException("timeZone", "must be an IANA time zone such as Europe/London"));
        }
        String why = reason(reason);
        return db.sql("insert into region (id, time_zone) values (:id, :zone) on conflict (id) do update set time_zone = excluded.time_zone")
                .bind("id", id).bind("zone", zone).fetch().rowsUpdated()
                .then(audit.record(clock.instant(), by, "region.put", id, why, "time zone " + zone))
                .as(transaction::transactional)
                .doOnSuccess(done -> protection.publishEvent(new ProtectionInputsChanged("region " + id)))
                .thenReturn(new Region(id, zone));
    }

    public Flux<CultureFactor> factors() {
        return db.sql("select culture, factor from culture_factor order by culture")
                .map((row, meta) -> new CultureFactor(row.get("culture", String.class), row.get("factor", BigDecimal.class))).all();
    }

    /** Sets the factor of a culture (creating it); weddings of a culture without a factor weigh as OTHER. */
    public Mono<CultureFactor> putFactor(String culture, BigDecimal factor, String reason, String by) {
        String name = culture.trim().toUpperCase(Locale.ROOT);
        if (!CULTURE.matcher(name).matches()) {
            return Mono.error(new InvalidRequestException("culture", "must be 1–40 letters, digits or '_', e.g. INDIAN"));
        }
        if (factor == null || factor.compareTo(LOWEST_FACTOR) < 0 || factor.compareTo(HIGHEST_FACTOR) > 0) {
            return Mono.error(new InvalidRequestException("factor", "must be between 0.1 and 10"));
        }
        BigDecimal rounded = factor.setScale(2, RoundingMode.HALF_UP);
        String why = reason(reason);
        return db.sql("insert into culture_factor (culture, factor) values (:culture, :factor) on conflict (culture) do update set factor = excluded.factor")
                .bind("culture", name).bind("factor", rounded).fetch().rowsUpdated()
                .then(audit.record(clock.instant(), by, "culture-factor.put", name, why, "factor " + rounded.toPlainString()))
                .as(transaction::transactional)
                .doOnSuccess(done -> protection.publishEvent(new ProtectionInputsChanged("culture factor " + name)))
                .thenReturn(new CultureFactor(name, rounded));
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "a reason for the change is required");
        }
        return reason.trim();
    }
}
