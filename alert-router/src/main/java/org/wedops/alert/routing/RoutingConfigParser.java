package org.wedops.alert.routing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.convert.DurationStyle;

import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads routing YAML in Alertmanager's vocabulary ({@code route}, {@code matchers}, {@code group_by},
 * {@code group_wait}, {@code continue}, {@code receivers}, {@code inhibit_rules}) plus WedOps' {@code escalations},
 * and validates all of it at once: every problem is reported with its path, and nothing half-valid is returned.
 */
public final class RoutingConfigParser {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RoutingConfigParser() {
    }

    /** Thrown with every problem found, each as {@code path: what is wrong}. */
    public static class InvalidRoutingException extends RuntimeException {
        private final List<String> problems;

        InvalidRoutingException(List<String> problems) {
            super("invalid routing configuration: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    record RawConfig(RawRoute route, List<RawReceiver> receivers, List<RawInhibitRule> inhibitRules, List<RawEscalation> escalations,
                     List<RawTimeInterval> timeIntervals) {
    }

    record RawTimeInterval(String name, String location, List<RawWindow> intervals) {
    }

    record RawWindow(List<String> weekdays, List<RawTimes> times) {
    }

    record RawTimes(String startTime, String endTime) {
    }

    record RawRoute(String receiver, List<String> matchers, @JsonProperty("continue") Boolean continueMatching, List<String> groupBy, String groupWait,
                    String groupInterval, String repeatInterval, String escalation, String fallback, List<String> muteTimeIntervals,
                    List<String> activeTimeIntervals, List<RawRoute> routes) {
    }

    record RawReceiver(String name, RawUrl slack, ReceiverSpec.Email email, RawPagerDuty pagerduty, RawUrl webhook) {
    }

    /** A secret URL written in the file (with {@code ${NAME}} placeholders, or not) or read from {@code url_file}. */
    record RawUrl(String url, String urlFile) {
    }

    record RawPagerDuty(String routingKey, String routingKeyFile, URI url) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.-]*)}");

    record RawInhibitRule(List<String> sourceMatchers, List<String> targetMatchers, List<String> equal) {
    }

    record RawEscalation(String name, List<RawTier> tiers, Integer repeat) {
    }

    record RawTier(String receiver, String ackTimeout, String weddingDayAckTimeout) {
    }

    /** Placeholders are looked up in the process environment. */
    public static RoutingConfig parse(String yaml) {
        return parse(yaml, SecretLookup.of(System::getenv));
    }

    /**
     * A secret that is referred to but missing (an unset variable, an unreadable file) is a problem like any other,
     * named by its path and its variable or file, so the service does not start routing without it.
     */
    public static RoutingConfig parse(String yaml, SecretLookup secrets) {
        RawConfig raw;
        try {
            raw = YAML.readValue(yaml, RawConfig.class);
        } catch (JacksonException e) {
            throw new InvalidRoutingException(List.of(describe(e)));
        }
        List<String> problems = new ArrayList<>();
        if (raw == null || raw.route() == null) {
            throw new InvalidRoutingException(List.of("route: is required"));
        }
        Map<String, ReceiverSpec> receivers = receivers(raw.receivers(), secrets, problems);
        Map<String, EscalationPolicy> escalations = escalations(raw.escalations(), receivers, problems);
        Map<String, TimeInterval> timeIntervals = timeIntervals(raw.timeIntervals(), problems);
        Defaults rootDefaults = new Defaults(null, List.of("alertname"), Duration.ofSeconds(30), Duration.ofMinutes(5),
                Duration.ofHours(4), null, null);
        Route root = route(raw.route(), "root", "route", rootDefaults, receivers, escalations, timeIntervals, problems);
        if (raw.route().receiver() == null) {
            problems.add("route.receiver: the root route needs a receiver");
        }
        if (raw.route().matchers() != null && !raw.route().matchers().isEmpty()) {
            problems.add("route.matchers: the root route matches every alert and takes no matchers");
        }
        List<InhibitRule> inhibitRules = inhibitRules(raw.inhibitRules(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidRoutingException(problems);
        }
        return new RoutingConfig(root, receivers, inhibitRules, escalations, timeIntervals);
    }

    private record Defaults(String receiver, List<String> groupBy, Duration groupWait, Duration groupInterval,
                            Duration repeatInterval, String escalation, String fallback) {
    }

    private static Route route(RawRoute raw, String id, String path, Defaults parent, Map<String, ReceiverSpec> receivers,
                               Map<String, EscalationPolicy> escalations, Map<String, TimeInterval> timeIntervals, List<String> problems) {
        String receiver = raw.receiver() != null ? raw.receiver() : parent.receiver();
        if (receiver != null && !receivers.containsKey(receiver)) {
            problems.add(path + ".receiver: no receiver named '" + receiver + "'");
        }
        String fallback = raw.fallback() != null ? raw.fallback() : parent.fallback();
        if (fallback != null && !receivers.containsKey(fallback)) {
            problems.add(path + ".fallback: no receiver named '" + fallback + "'");
        }
        String escalation = raw.escalation() != null ? raw.escalation() : parent.escalation();
        if (escalation != null && !escalations.containsKey(escalation)) {
            problems.add(path + ".escalation: no escalation policy named '" + escalation + "'");
        }
        Defaults here = new Defaults(receiver,
                raw.groupBy() != null ? List.copyOf(raw.groupBy()) : parent.groupBy(),
                duration(raw.groupWait(), parent.groupWait(), path + ".group_wait", problems),
                duration(raw.groupInterval(), parent.groupInterval(), path + ".group_interval", problems),
                duration(raw.repeatInterval(), parent.repeatInterval(), path + ".repeat_interval", problems),
                escalation, fallback);
        if (here.groupInterval().isZero()) {
            problems.add(path + ".group_interval: must be greater than zero");
        }
        if (here.repeatInterval().isZero()) {
            problems.add(path + ".repeat_interval: must be greater than zero");
        }
        List<LabelMatcher> matchers = matchers(raw.matchers(), path + ".matchers", problems);
        List<Route> children = new ArrayList<>();
        List<RawRoute> rawChildren = raw.routes() == null ? List.of() : raw.routes();
        for (int i = 0; i < rawChildren.size(); i++) {
            children.add(route(rawChildren.get(i), id + "/" + i, path + ".routes[" + i + "]", here, receivers, escalations, timeIntervals, problems));
        }
        List<String> mute = intervalNames(raw.muteTimeIntervals(), timeIntervals, path + ".mute_time_intervals", problems);
        List<String> active = intervalNames(raw.activeTimeIntervals(), timeIntervals, path + ".active_time_intervals", problems);
        return new Route(id, receiver, matchers, Boolean.TRUE.equals(raw.continueMatching()), here.groupBy(), here.groupWait(),
                here.groupInterval(), here.repeatInterval(), escalation, fallback, mute, active, List.copyOf(children));
    }

    private static Map<String, ReceiverSpec> receivers(List<RawReceiver> raw, SecretLookup secrets, List<String> problems) {
        Map<String, ReceiverSpec> receivers = new LinkedHashMap<>();
        List<RawReceiver> list = raw == null ? List.of() : raw;
        for (int i = 0; i < list.size(); i++) {
            RawReceiver r = list.get(i);
            String path = "receivers[" + i + "]";
            if (r.name() == null || r.name().isBlank()) {
                problems.add(path + ".name: is required");
                continue;
            }
            if (receivers.containsKey(r.name())) {
                problems.add(path + ".name: '" + r.name() + "' is defined twice");
            }
            if (r.slack() == null && r.email() == null && r.pagerduty() == null && r.webhook() == null) {
                problems.add(path + ": receiver '" + r.name() + "' has no integration (slack, email, pagerduty or webhook)");
            }
            if (r.email() != null && (r.email().to() == null || r.email().to().isEmpty()
                    || r.email().to().stream().anyMatch(to -> to == null || !to.contains("@")))) {
                problems.add(path + ".email.to: needs one or more e-mail addresses");
            }
            if (r.webhook() != null && r.webhook().url() == null && r.webhook().urlFile() == null) {
                problems.add(path + ".webhook.url: is required");
            }
            ReceiverSpec.Slack slack = r.slack() == null ? null
                    : new ReceiverSpec.Slack(secretUrl(r.slack(), path + ".slack", secrets, problems));
            ReceiverSpec.Webhook webhook = r.webhook() == null ? null
                    : new ReceiverSpec.Webhook(secretUrl(r.webhook(), path + ".webhook", secrets, problems));
            ReceiverSpec.PagerDuty pagerDuty = r.pagerduty() == null ? null
                    : new ReceiverSpec.PagerDuty(SecretText.of(secret(r.pagerduty().routingKey(), r.pagerduty().routingKeyFile(),
                            path + ".pagerduty.routing_key", secrets, problems)), r.pagerduty().url());
            receivers.put(r.name(), new ReceiverSpec(r.name(), slack, r.email(), pagerDuty, webhook));
        }
        return receivers;
    }

    private static SecretUrl secretUrl(RawUrl raw, String path, SecretLookup secrets, List<String> problems) {
        String text = secret(raw.url(), raw.urlFile(), path + ".url", secrets, problems);
        try {
            return SecretUrl.of(text);
        } catch (IllegalArgumentException e) {
            problems.add(path + ".url: " + e.getMessage());
            return null;
        }
    }

    /**
     * The value of {@code <key>} with its placeholders filled, or the content of {@code <key>_file}. Messages name the
     * key, the variable or the file, never the value.
     */
    private static String secret(String value, String file, String path, SecretLookup secrets, List<String> problems) {
        if (value != null && file != null) {
            problems.add(path + ": give it or " + path.substring(path.lastIndexOf('.') + 1) + "_file, not both");
            return null;
        }
        if (file != null) {
            try {
                String content = secrets.file(Path.of(file));
                if (content.isEmpty()) {
                    problems.add(path + "_file: " + file + " is empty");
                    return null;
                }
                return content;
            } catch (IOException | InvalidPathException e) {
                problems.add(path + "_file: cannot read " + file);
                return null;
            }
        }
        if (value == null) {
            return null;
        }
        Matcher placeholder = PLACEHOLDER.matcher(value);
        StringBuilder resolved = new StringBuilder();
        boolean missing = false;
        while (placeholder.find()) {
            Optional<String> variable = secrets.variable(placeholder.group(1));
            if (variable.isEmpty()) {
                problems.add(path + ": ${" + placeholder.group(1) + "} is not set");
                missing = true;
            }
            placeholder.appendReplacement(resolved, Matcher.quoteReplacement(variable.orElse("")));
        }
        placeholder.appendTail(resolved);
        return missing ? null : resolved.toString();
    }

    private static Map<String, EscalationPolicy> escalations(List<RawEscalation> raw, Map<String, ReceiverSpec> receivers, List<String> problems) {
        Map<String, EscalationPolicy> policies = new LinkedHashMap<>();
        List<RawEscalation> list = raw == null ? List.of() : raw;
        for (int i = 0; i < list.size(); i++) {
            RawEscalation e = list.get(i);
            String path = "escalations[" + i + "]";
            if (e.name() == null || e.tiers() == null || e.tiers().isEmpty()) {
                problems.add(path + ": needs a name and at least one tier");
                continue;
            }
            List<EscalationPolicy.Tier> tiers = new ArrayList<>();
            for (int t = 0; t < e.tiers().size(); t++) {
                RawTier tier = e.tiers().get(t);
                String tierPath = path + ".tiers[" + t + "]";
                if (tier.receiver() == null || !receivers.containsKey(tier.receiver())) {
                    problems.add(tierPath + ".receiver: no receiver named '" + tier.receiver() + "'");
                }
                Duration timeout = duration(tier.ackTimeout(), null, tierPath + ".ack_timeout", problems);
                if (timeout == null) {
                    problems.add(tierPath + ".ack_timeout: is required");
                }
                tiers.add(new EscalationPolicy.Tier(tier.receiver(), timeout,
                        duration(tier.weddingDayAckTimeout(), null, tierPath + ".wedding_day_ack_timeout", problems)));
            }
            int repeat = e.repeat() == null ? 0 : e.repeat();
            if (repeat < 0) {
                problems.add(path + ".repeat: must not be negative");
            }
            policies.put(e.name(), new EscalationPolicy(e.name(), List.copyOf(tiers), repeat));
        }
        return policies;
    }

    private static List<String> intervalNames(List<String> names, Map<String, TimeInterval> known, String path, List<String> problems) {
        List<String> list = names == null ? List.of() : List.copyOf(names);
        for (int i = 0; i < list.size(); i++) {
            if (!known.containsKey(list.get(i))) {
                problems.add(path + "[" + i + "]: no time interval named '" + list.get(i) + "'");
            }
        }
        return list;
    }

    private static Map<String, TimeInterval> timeIntervals(List<RawTimeInterval> raw, List<String> problems) {
        Map<String, TimeInterval> intervals = new LinkedHashMap<>();
        List<RawTimeInterval> list = raw == null ? List.of() : raw;
        for (int i = 0; i < list.size(); i++) {
            RawTimeInterval interval = list.get(i);
            String path = "time_intervals[" + i + "]";
            if (interval.name() == null || interval.intervals() == null || interval.intervals().isEmpty()) {
                problems.add(path + ": needs a name and at least one interval");
                continue;
            }
            ZoneId zone = null;
            if (interval.location() != null && !"region".equals(interval.location())) {
                try {
                    zone = ZoneId.of(interval.location());
                } catch (DateTimeException e) {
                    problems.add(path + ".location: '" + interval.location() + "' is not a time zone (e.g. Europe/London, or region)");
                }
            }
            List<WeeklyWindow> windows = new ArrayList<>();
            for (int w = 0; w < interval.intervals().size(); w++) {
                RawWindow window = interval.intervals().get(w);
                String windowPath = path + ".intervals[" + w + "]";
                Set<DayOfWeek> days;
                try {
                    days = WeeklyWindow.parseDays(window.weekdays());
                } catch (IllegalArgumentException e) {
                    problems.add(windowPath + ".weekdays: " + window.weekdays() + " are not weekdays (e.g. monday:friday, saturday)");
                    continue;
                }
                List<RawTimes> times = window.times() == null || window.times().isEmpty()
                        ? List.of(new RawTimes("00:00", "00:00")) : window.times();
                for (RawTimes t : times) {
                    try {
                        windows.add(new WeeklyWindow(days, LocalTime.parse(t.startTime()), LocalTime.parse(t.endTime())));
                    } catch (RuntimeException e) {
                        problems.add(windowPath + ".times: start_time and end_time must be HH:mm, got " + t.startTime() + "–" + t.endTime());
                    }
                }
            }
            intervals.put(interval.name(), new TimeInterval(interval.name(), zone, List.copyOf(windows)));
        }
        return intervals;
    }

    private static List<InhibitRule> inhibitRules(List<RawInhibitRule> raw, List<String> problems) {
        List<InhibitRule> rules = new ArrayList<>();
        List<RawInhibitRule> list = raw == null ? List.of() : raw;
        for (int i = 0; i < list.size(); i++) {
            RawInhibitRule r = list.get(i);
            String path = "inhibit_rules[" + i + "]";
            List<LabelMatcher> source = matchers(r.sourceMatchers(), path + ".source_matchers", problems);
            List<LabelMatcher> target = matchers(r.targetMatchers(), path + ".target_matchers", problems);
            if (source.isEmpty() || target.isEmpty()) {
                problems.add(path + ": needs source_matchers and target_matchers");
            }
            rules.add(new InhibitRule(source, target, r.equal() == null ? List.of() : List.copyOf(r.equal())));
        }
        return rules;
    }

    private static List<LabelMatcher> matchers(List<String> raw, String path, List<String> problems) {
        List<LabelMatcher> matchers = new ArrayList<>();
        List<String> list = raw == null ? List.of() : raw;
        for (int i = 0; i < list.size(); i++) {
            try {
                matchers.add(LabelMatcher.parse(list.get(i)));
            } catch (IllegalArgumentException e) {
                problems.add(path + "[" + i + "]: " + e.getMessage());
            }
        }
        return List.copyOf(matchers);
    }

    private static Duration duration(String text, Duration inherited, String path, List<String> problems) {
        if (text == null) {
            return inherited;
        }
        try {
            Duration value = DurationStyle.detectAndParse(text.trim());
            if (value.isNegative()) {
                problems.add(path + ": must not be negative");
                return inherited == null ? Duration.ZERO : inherited;
            }
            return value;
        } catch (IllegalArgumentException e) {
            problems.add(path + ": '" + text + "' is not a duration (e.g. 30s, 5m, 4h)");
            return inherited == null ? Duration.ZERO : inherited;
        }
    }

    /**
     * The parser's own messages quote the text around the error, and that text may be a webhook URL or a routing key;
     * so a malformed file is described by the path and line only, and an unknown key by its name.
     */
    private static String describe(JacksonException e) {
        List<JacksonException.Reference> references = e.getPath();
        boolean unknownKey = e instanceof UnrecognizedPropertyException;
        StringBuilder path = new StringBuilder();
        // an unknown key is the last reference; the path is where it was found
        for (JacksonException.Reference reference : unknownKey ? references.subList(0, Math.max(0, references.size() - 1)) : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        String where = path.isEmpty() ? "" : path + ": ";
        if (e instanceof UnrecognizedPropertyException unknown) {
            return where + "unknown key '" + unknown.getPropertyName() + "'" + location(e);
        }
        if (e instanceof DatabindException) {
            return where + "has the wrong shape (a value where a list or map belongs, or the reverse)" + location(e);
        }
        return "not valid YAML" + location(e);
    }


    private static String location(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }
}
