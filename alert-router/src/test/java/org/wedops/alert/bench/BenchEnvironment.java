package org.wedops.alert.bench;

/** The bench's knobs, from environment variables run.sh sets or passes through (README.md beside run.sh, "Options"). */
final class BenchEnvironment {

    private BenchEnvironment() {
    }

    static String text(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static int number(String name, int fallback) {
        return Integer.parseInt(text(name, String.valueOf(fallback)));
    }
}
