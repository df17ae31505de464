package org.wedops.alert.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingConfigParserTest {

    private static RoutingConfig shipped() throws IOException {
        try (var in = RoutingConfigParserTest.class.getResourceAsStream("/alert-routing.yml")) {
            return RoutingConfigParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest(name = "{0} with wedding_active={1} goes to {2}")
    @CsvSource({
            "CRITICAL, false, critical, critical",
            "CRITICAL, true,  critical, wedding-day",
            "HIGH,     true,  critical, wedding-day",
            "HIGH,     false, team,     ",
            "MEDIUM,   true,  team-slack, ",
            "LOW,      false, team-slack, "})
    void shippedRoutingFollowsTheDesignsAlertTable(String severity, boolean weddingActive, String receiver, String escalation) throws IOException {
        var routes = shipped().routesFor(Map.of("severity", severity, "wedding_active", Boolean.toString(weddingActive)));

        assertThat(routes).singleElement().satisfies(route -> {
            assertThat(route.receiver()).isEqualTo(receiver);
            assertThat(route.escalation()).isEqualTo(escalation);
            assertThat(route.fallback()).isEqualTo("oncall-email");
        });
    }

    @Test
    void criticalRoutesWaitForNothingAndLowOnesDigest() throws IOException {
        RoutingConfig config = shipped();

        assertThat(config.routesFor(Map.of("severity", "CRITICAL")).get(0).groupWait()).isZero();
        assertThat(config.routesFor(Map.of("severity", "LOW")).get(0).groupWait()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.escalations().get("critical").tiers().get(0).timeout(false)).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.escalations().get("critical").tiers().get(0).timeout(true)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void childrenInheritWhatTheyLeaveOutAndContinueLetsLaterSiblingsMatch() {
        RoutingConfig config = RoutingConfigParser.parse("""
                route:
                  receiver: a
                  group_by: [service]
                  group_wait: 10s
                  routes:
                    - matchers: ['team="db"']
                      receiver: b
                      continue: true
                    - matchers: ['severity=~"CRITICAL|HIGH"']
                      receiver: c
                      group_wait: 0s
                    - matchers: ['team="db"']
                      receiver: d
                receivers:
                  - {name: a, slack: {}}
                  - {name: b, slack: {}}
                  - {name: c, slack: {}}
                  - {name: d, slack: {}}
                """);

        assertThat(config.routesFor(Map.of("team", "db", "severity", "HIGH"))).extracting(Route::receiver).containsExactly("b", "c");
        assertThat(config.routesFor(Map.of("team", "db", "severity", "LOW"))).extracting(Route::receiver).containsExactly("b", "d");
        assertThat(config.routesFor(Map.of("team", "web"))).extracting(Route::receiver).containsExactly("a");
        Route b = config.routesFor(Map.of("team", "db")).get(0);
        assertThat(b.groupWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(b.groupBy()).containsExactly("service");
        assertThat(b.groupKey(Map.of("service", "crm", "team", "db"))).isEqualTo("root/0{service=crm,}");
    }

    @Test
    void everyProblemIsReportedWithItsPathAndNothingIsLoaded() {
        assertThatThrownBy(() -> RoutingConfigParser.parse("""
                route:
                  receiver: nobody
                  group_wait: soon
                  routes:
                    - matchers: ['severity=CRITICAL']
                      escalation: missing
                receivers:
                  - name: empty
                inhibit_rules:
                  - source_matchers: ['severity=~"("']
                    target_matchers: []
                """))
                .isInstanceOfSatisfying(RoutingConfigParser.InvalidRoutingException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "receivers[0]: receiver 'empty' has no integration (slack, email, pagerduty or webhook)",
                        "route.receiver: no receiver named 'nobody'",
                        "route.group_wait: 'soon' is not a duration (e.g. 30s, 5m, 4h)",
                        "route.routes[0].receiver: no receiver named 'nobody'",
                        "route.routes[0].escalation: no escalation policy named 'missing'",
                        "route.routes[0].matchers[0]: matcher 'severity=CRITICAL' is not of the form label=\"value\" (operators = != =~ !~)",
                        "inhibit_rules[0].source_matchers[0]: matcher 'severity=~\"(\"' has an invalid regex: Unclosed group",
                        "inhibit_rules[0]: needs source_matchers and target_matchers"));
    }

    @Test
    void timeIntervalsAreReadInTheRegionsZoneUnlessTheyNameOne() {
        RoutingConfig config = RoutingConfigParser.parse("""
                route:
                  receiver: a
                  routes:
                    - matchers: ['severity="LOW"']
                      mute_time_intervals: [nights]
                      active_time_intervals: [office-hours]
                receivers:
                  - {name: a, slack: {}}
                time_intervals:
                  - name: office-hours
                    location: region
                    intervals:
                      - weekdays: ['monday:friday']
                        times: [{start_time: "09:00", end_time: "17:00"}]
                  - name: nights
                    location: Asia/Kolkata
                    intervals:
                      - times: [{start_time: "22:00", end_time: "06:00"}]
                """);

        assertThat(config.timeIntervals().get("office-hours").zone()).isNull();
        assertThat(config.timeIntervals().get("nights").zone()).isEqualTo(java.time.ZoneId.of("Asia/Kolkata"));
        assertThat(config.timeIntervals().get("nights").windows().get(0).days()).hasSize(7);
        assertThat(config.routesFor(Map.of("severity", "LOW")).get(0).muteTimeIntervals()).containsExactly("nights");
        assertThatThrownBy(() -> RoutingConfigParser.parse("""
                route: {receiver: a, mute_time_intervals: [holidays]}
                receivers: [{name: a, slack: {}}]
                time_intervals: [{name: x, location: Mars/Olympus, intervals: [{weekdays: [someday]}]}]
                """)).isInstanceOfSatisfying(RoutingConfigParser.InvalidRoutingException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                "time_intervals[0].location: 'Mars/Olympus' is not a time zone (e.g. Europe/London, or region)",
                "time_intervals[0].intervals[0].weekdays: [someday] are not weekdays (e.g. monday:friday, saturday)",
                "route.mute_time_intervals[0]: no time interval named 'holidays'"));
    }

    @Test
    void unknownKeysAreRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> RoutingConfigParser.parse("route:\n  receiver: a\n  group_wiat: 1s\nreceivers:\n  - {name: a, slack: {}}\n"))
                .isInstanceOf(RoutingConfigParser.InvalidRoutingException.class)
                .hasMessageContaining("group_wiat");
    }

    @Test
    void aCriticalInhibitsTheLowerAlertsOfTheSameServiceAndRegionOnly() throws IOException {
        InhibitRule rule = shipped().inhibitRules().get(0);
        Map<String, String> critical = Map.of("severity", "CRITICAL", "service", "crm", "region", "uk");

        assertThat(rule.inhibits(critical, Map.of("severity", "HIGH", "service", "crm", "region", "uk"))).isTrue();
        assertThat(rule.inhibits(critical, Map.of("severity", "MEDIUM", "service", "crm", "region", "uk"))).isTrue();
        assertThat(rule.inhibits(critical, Map.of("severity", "HIGH", "service", "payments", "region", "uk"))).isFalse();
        assertThat(rule.inhibits(critical, Map.of("severity", "HIGH", "service", "crm", "region", "us"))).isFalse();
        assertThat(rule.inhibits(critical, Map.of("severity", "CRITICAL", "service", "crm", "region", "uk"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "service=\"crm\",          crm,      true",
            "service!=\"crm\",         crm,      false",
            "service=~\"crm|pay.*\",   payments, true",
            "service=~\"crm\",         crm-api,  false",
            "service!~\"crm\",         crm-api,  true"})
    void matchersFollowAlertmanagerSemantics(String matcher, String service, boolean matches) {
        assertThat(LabelMatcher.parse(matcher).matches(Map.of("service", service))).isEqualTo(matches);
    }
}
