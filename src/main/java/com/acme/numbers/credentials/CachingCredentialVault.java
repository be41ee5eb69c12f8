package com.acme.numbers.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Caches what a secret store answers per account for a TTL, so rotation is picked up within it. Every read of the
 * store is bounded by a timeout inside the callers' deadline: when the store fails or hangs, the last known
 * credentials are served (logged once per outage and counted in {@code gateway.credentials.stale}) and the store
 * is asked again only after {@link #RETRY_STORE_AFTER}, so a hung store delays at most one caller per account and
 * interval; with nothing cached the caller gets an error within the timeout (a 503 further up).
 */
abstract class CachingCredentialVault implements CredentialVault {

    private static final Logger log = LoggerFactory.getLogger(CachingCredentialVault.class);
    private static final Duration RETRY_STORE_AFTER = Duration.ofSeconds(30);

    /** What the store last said; {@code stale} while it is being served because the store failed. */
    private record Entry(Optional<BandwidthCredentials> credentials, Instant readAt, Instant askAgainAt,
            boolean stale) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final Duration timeout;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    CachingCredentialVault(Clock clock, Duration ttl, Duration timeout) {
        this.clock = clock;
        this.ttl = ttl;
        this.timeout = timeout;
    }

    /** Reads the account's credentials from the store; empty when the store has none for it. */
    abstract Mono<BandwidthCredentials> read(String accountId);

    abstract String storeName();

    @Override
    public Mono<BandwidthCredentials> credentialsFor(String accountId) {
        Entry cached = cache.get(accountId);
        if (cached != null && cached.askAgainAt().isAfter(clock.instant())) {
            return Mono.justOrEmpty(cached.credentials());
        }
        return read(accountId)
                .timeout(timeout)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .doOnNext(found -> remember(accountId, cached, found))
                .onErrorResume(ex -> stale(accountId, cached, ex))
                .flatMap(Mono::justOrEmpty);
    }

    @Override
    public void invalidate(String accountId) {
        cache.remove(accountId);
    }

    private void remember(String accountId, Entry cached, Optional<BandwidthCredentials> found) {
        if (cached != null && cached.stale()) {
            log.info("{} answers again for account {}", storeName(), accountId);
        }
        Instant now = clock.instant();
        cache.put(accountId, new Entry(found, now, now.plus(ttl), false));
    }

    private Mono<Optional<BandwidthCredentials>> stale(String accountId, Entry cached, Throwable ex) {
        if (cached != null && cached.credentials().isPresent()) {
            if (!cached.stale()) {
                log.warn("{} could not be read for account {} ({}); using the credentials read at {} until it "
                        + "answers again", storeName(), accountId, ex.getClass().getSimpleName(), cached.readAt());
            }
            Metrics.counter("gateway.credentials.stale", "store", storeName()).increment();
            Duration retry = ttl.compareTo(RETRY_STORE_AFTER) < 0 ? ttl : RETRY_STORE_AFTER;
            cache.put(accountId, new Entry(cached.credentials(), cached.readAt(), clock.instant().plus(retry), true));
            return Mono.just(cached.credentials());
        }
        log.error("{} could not be read for account {} ({}) and nothing is cached", storeName(), accountId,
                ex.getClass().getSimpleName());
        return Mono.error(new CredentialsUnavailableException(storeName() + " cannot be read"));
    }

    /** Builds credentials from a key/value map; null when the keys are incomplete. */
    static BandwidthCredentials fromKeys(Map<String, ?> keys) {
        Object clientId = keys.get("client-id");
        Object clientSecret = keys.get("client-secret");
        if (clientId != null && clientSecret != null) {
            return new BandwidthCredentials.ClientCredentials(clientId.toString().trim(),
                    Secret.of(clientSecret.toString().trim()));
        }
        Object username = keys.get("username");
        Object password = keys.get("password");
        if (username != null && password != null) {
            return new BandwidthCredentials.BasicCredentials(username.toString().trim(),
                    Secret.of(password.toString().trim()));
        }
        return null;
    }
}
