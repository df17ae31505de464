package org.wedops.planner.protection;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Reads what protection is computed from: every region and its zone, the scheduled weddings whose windows may touch
 * a span of time (with their culture's factor; an unknown culture weighs as OTHER), and the emergencies in force.
 * A region is known from the {@code region} table or from a wedding or emergency naming it.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RegionCalendars {

    private final DatabaseClient db;
    private final ProtectionProperties properties;
    private final DefaultZoneProperties defaultZone;

    /** Calendars of every region (or only {@code region}, when given), by region name. */
    public Mono<Map<String, RegionCalendar>> load(Instant from, Instant to, String region) {
        // local dates may be up to a day off UTC, and a wedding may start days before it ends
        Duration before = properties.beforeWedding();
        Duration after = properties.afterWedding();
        LocalDate first = from.minus(after).atOffset(ZoneOffset.UTC).toLocalDate().minusDays(2);
        LocalDate last = to.plus(before).atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
        Mono<Map<String, String>> zones = db.sql("select id, time_zone from region where (:region::text is null or id = :region)")
                .bind("region", Parameter.fromOrEmpty(region, String.class))
                .map((row, meta) -> Map.entry(row.get("id", String.class), row.get("time_zone", String.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
        Mono<List<Map.Entry<String, PlannedWedding>>> weddings = db.sql("""
                        select w.id, w.region, w.time_zone, w.culture, w.guest_count, w.days, w.date, w.start_time, w.end_time,
                               coalesce(f.factor, (select factor from culture_factor where culture = 'OTHER'), 1.0) as factor
                        from wedding w left join culture_factor f on f.culture = w.culture
                        where w.status = 'SCHEDULED' and w.date <= :last and w.date + w.days >= :first
                          and (:region::text is null or w.region = :region)""")
                .bind("first", first).bind("last", last)
                .bind("region", Parameter.fromOrEmpty(region, String.class))
                .map((row, meta) -> Map.entry(row.get("region", String.class), new PlannedWedding(row.get("id", String.class),
                        row.get("culture", String.class), row.get("guest_count", Integer.class),
                        row.get("factor", BigDecimal.class).doubleValue(), row.get("date", LocalDate.class),
                        row.get("start_time", LocalTime.class), row.get("end_time", LocalTime.class), row.get("days", Integer.class),
                        ZoneId.of(row.get("time_zone", String.class)))))
                .all().collectList();
        Mono<Map<String, Emergency>> emergencies = db.sql("select * from emergency where (:region::text is null or region = :region)")
                .bind("region", Parameter.fromOrEmpty(region, String.class))
                .map((row, meta) -> Map.entry(row.get("region", String.class), new Emergency(row.get("reason", String.class),
                        row.get("declared_by", String.class), row.get("since", OffsetDateTime.class).toInstant())))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
        return Mono.zip(zones, weddings, emergencies).map(loaded -> assemble(loaded.getT1(), loaded.getT2(), loaded.getT3()));
    }

    private Map<String, RegionCalendar> assemble(Map<String, String> zones, List<Map.Entry<String, PlannedWedding>> weddings,
                                                 Map<String, Emergency> emergencies) {
        Map<String, List<PlannedWedding>> byRegion = new HashMap<>();
        for (Map.Entry<String, PlannedWedding> wedding : weddings) {
            byRegion.computeIfAbsent(wedding.getKey(), key -> new ArrayList<>()).add(wedding.getValue());
        }
        TreeMap<String, ZoneId> regions = new TreeMap<>();
        zones.forEach((region, zone) -> regions.put(region, ZoneId.of(zone)));
        byRegion.keySet().forEach(region -> regions.putIfAbsent(region, defaultZone.defaultTimeZone()));
        emergencies.keySet().forEach(region -> regions.putIfAbsent(region, defaultZone.defaultTimeZone()));
        Map<String, RegionCalendar> calendars = new TreeMap<>();
        regions.forEach((region, zone) -> calendars.put(region,
                new RegionCalendar(region, zone, byRegion.getOrDefault(region, List.of()), emergencies.get(region))));
        return calendars;
    }
}
