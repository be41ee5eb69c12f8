package com.acme.numbers.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Caches what a secret store answers per account for a TTL, so rotation is picked up within it; when the store
 * fails, serves the last known credentials (with a warning) rather than failing callers.
 */
abstract class CachingCredentialVault implements CredentialVault {

    private static final Logger log = LoggerFactory.getLogger(CachingCredentialVault.class);

    private record Entry(Optional<BandwidthCredentials> credentials, Instant readAt) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    CachingCredentialVault(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Reads the account's credentials from the store; empty when the store has none for it. */
    abstract Mono<BandwidthCredentials> read(String accountId);

    abstract String storeName();

    @Override
    public Mono<BandwidthCredentials> credentialsFor(String accountId) {
        Entry cached = cache.get(accountId);
        if (cached != null && cached.readAt().plus(ttl).isAfter(clock.instant())) {
            return Mono.justOrEmpty(cached.credentials());
        }
        return read(accountId)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .doOnNext(found -> cache.put(accountId, new Entry(found, clock.instant())))
                .onErrorResume(ex -> stale(accountId, cached, ex))
                .flatMap(Mono::justOrEmpty);
    }

    @Override
    public void invalidate(String accountId) {
        cache.remove(accountId);
    }

    private Mono<Optional<BandwidthCredentials>> stale(String accountId, Entry cached, Throwable ex) {
        if (cached != null && cached.credentials().isPresent()) {
            log.warn("{} could not be read for account {} ({}); using the credentials read at {}", storeName(),
                    accountId, ex.getClass().getSimpleName(), cached.readAt());
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
