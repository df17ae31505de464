package org.wedops.alert.routing;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One Alertmanager-style matcher: {@code label="value"}, {@code label!="value"}, {@code label=~"regex"},
 * {@code label!~"regex"}. A missing label matches as the empty string; regexes are anchored, as in Alertmanager.
 */
public record LabelMatcher(String label, Operator operator, String value, Pattern pattern) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");

    public enum Operator {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        static Operator of(String symbol) {
            for (Operator operator : values()) {
                if (operator.symbol.equals(symbol)) {
                    return operator;
                }
            }
            throw new IllegalArgumentException("unknown operator " + symbol);
        }
    }

    /** Parses {@code severity="CRITICAL"}; throws {@link IllegalArgumentException} saying what is wrong. */
    public static LabelMatcher parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("matcher '" + text + "' is not of the form label=\"value\" (operators = != =~ !~)");
        }
        Operator operator = Operator.of(m.group(2));
        String value = m.group(3).replace("\\\"", "\"").replace("\\\\", "\\");
        Pattern pattern = null;
        if (operator == Operator.REGEX || operator == Operator.NOT_REGEX) {
            try {
                pattern = Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("matcher '" + text + "' has an invalid regex: " + e.getDescription());
            }
        }
        return new LabelMatcher(m.group(1), operator, value, pattern);
    }

    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(label, "");
        return switch (operator) {
            case EQUAL -> actual.equals(value);
            case NOT_EQUAL -> !actual.equals(value);
            case REGEX -> pattern.matcher(actual).matches();
            case NOT_REGEX -> !pattern.matcher(actual).matches();
        };
    }

    @Override
    public String toString() {
        return label + operator.symbol + "\"" + value + "\"";
    }
}
