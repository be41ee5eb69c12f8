package com.acme.numbers.web;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.ResponseEntity;

import com.acme.numbers.ordering.model.OrderStatus;

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

    /**
     * 201 with the new resource's location, and {@code Preference-Applied} when the caller waited and the work
     * left RECEIVED in that time.
     */
    static ResponseEntity.BodyBuilder created(String location, Duration wait, OrderStatus status) {
        ResponseEntity.BodyBuilder created = ResponseEntity.created(URI.create(location));
        if (!wait.isZero() && status != OrderStatus.RECEIVED) {
            created.header(APPLIED, "wait=" + wait.toSeconds());
        }
        return created;
    }
}
