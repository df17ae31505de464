package org.wedops.alert.integration;

/** Receivers refuse or cut text over their limits (a Slack header, a PagerDuty summary): cut here, visibly. */
final class TextLimit {

    private TextLimit() {
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
