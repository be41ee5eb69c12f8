package com.acme.numbers.bandwidth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

import com.acme.numbers.bandwidth.guard.BandwidthUnavailableException;
import com.acme.numbers.bandwidth.xml.EnvelopeXml;
import com.acme.numbers.bandwidth.xml.ErrorXml;
import com.acme.numbers.ordering.error.NotFoundException;
import com.acme.numbers.ordering.error.NumberUnavailableException;
import com.acme.numbers.ordering.error.OrderingException;
import com.acme.numbers.ordering.error.RequestRejectedException;
import com.acme.numbers.ordering.error.UpstreamFailureException;
import com.acme.numbers.ordering.error.UpstreamThrottledException;

/**
 * Turns Bandwidth's failures (status codes and the error carriers in their bodies) into the ordering port's
 * exceptions. Bandwidth's description text reaches callers only for business rejections.
 */
final class BandwidthErrorTranslator {

    private static final Logger log = LoggerFactory.getLogger(BandwidthErrorTranslator.class);

    /** Number taken, held or unknown for reservation/ordering. */
    private static final Set<String> UNAVAILABLE = Set.of("5005", "5040", "5041");

    /** Reservation or order ids Bandwidth does not know. */
    private static final Set<String> NOT_FOUND = Set.of("5042", "5043", "5061", "1016");

    private final Clock clock;

    BandwidthErrorTranslator(Clock clock) {
        this.clock = clock;
    }

    OrderingException translate(int status, HttpHeaders headers, String body, String what) {
        if (status == 429) {
            return new UpstreamThrottledException(retryAfter(headers));
        }
        if (status == 401 || status == 403) {
            log.error("Bandwidth refused the gateway's credentials for {} (HTTP {})", what, status);
            return new BandwidthAuthRejectedException();
        }
        if (status == 502 || status == 503 || status == 504) {
            log.warn("Bandwidth is unavailable for {} (HTTP {})", what, status);
            return new BandwidthUnavailableException("Bandwidth is unavailable (HTTP " + status + ")");
        }
        if (status >= 500 || status < 400) {
            log.warn("Bandwidth failed on {} (HTTP {})", what, status);
            return new UpstreamFailureException("Bandwidth failed with HTTP " + status);
        }
        ErrorXml error = envelope(body).map(EnvelopeXml::firstError).orElse(null);
        if (status == 404) {
            return new NotFoundException(what + " was not found", error == null ? null : error.code());
        }
        if (error == null) {
            return new RequestRejectedException("Bandwidth rejected the request (HTTP " + status + ")", null);
        }
        return rejection(error);
    }

    /** A business error carried by a 2xx body. */
    OrderingException rejection(ErrorXml error) {
        String code = error.code();
        String description = error.description() == null ? "Bandwidth rejected the request" : error.description();
        if (code != null && UNAVAILABLE.contains(code)) {
            return new NumberUnavailableException(description, code);
        }
        if (code != null && NOT_FOUND.contains(code)) {
            return new NotFoundException(description, code);
        }
        return new RequestRejectedException(description, code);
    }

    private static Optional<EnvelopeXml> envelope(String body) {
        try {
            return Optional.ofNullable(BandwidthXml.readOptional(body, EnvelopeXml.class));
        }
        catch (UpstreamFailureException ex) {
            return Optional.empty();
        }
    }

    /** {@code X-RateLimit-Reset} is an epoch second; without it, wait a conservative second. */
    private Duration retryAfter(HttpHeaders headers) {
        String reset = headers.getFirst("X-RateLimit-Reset");
        if (reset != null) {
            try {
                Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.trim())));
                return wait.isNegative() ? Duration.ofSeconds(1) : wait;
            }
            catch (NumberFormatException ex) {
                log.debug("Ignoring unreadable X-RateLimit-Reset");
            }
        }
        return Duration.ofSeconds(1);
    }
}
