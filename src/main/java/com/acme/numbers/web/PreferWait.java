package com.acme.numbers.web;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code Prefer: wait=N} (RFC 7240), capped at the configured maximum; no preference means no wait. */
final class PreferWait {

    static final String PREFER = "Prefer";
    static final String APPLIED = "Preference-Applied";
    private static final Pattern WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*\"?(\\d{1,6})\"?",
            Pattern.CASE_INSENSITIVE);

    private PreferWait() {
    }

    static Duration of(String prefer, Duration max) {
        if (prefer == null) {
            return Duration.ZERO;
        }
        Matcher matcher = WAIT.matcher(prefer);
        if (!matcher.find()) {
            return Duration.ZERO;
        }
        Duration wanted = Duration.ofSeconds(Long.parseLong(matcher.group(1)));
        return wanted.compareTo(max) > 0 ? max : wanted;
    }

    /** The header value telling the caller its wait was honoured. */
    static String applied(Duration wait) {
        return "wait=" + wait.toSeconds();
    }
}
