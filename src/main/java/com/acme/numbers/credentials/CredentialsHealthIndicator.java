package com.acme.numbers.credentials;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.vault.core.ReactiveVaultOperations;
import reactor.core.publisher.Mono;

/**
 * Part of readiness: a pod whose secret store has never answered cannot serve anyone. Once Vault has answered,
 * the indicator stays UP: later outages are bridged with cached credentials (and warnings), not by taking every
 * pod out of its Service.
 */
public final class CredentialsHealthIndicator implements ReactiveHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(CredentialsHealthIndicator.class);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final ReactiveVaultOperations vault;
    private final String backend;
    private final AtomicBoolean reached = new AtomicBoolean();

    public CredentialsHealthIndicator(ReactiveVaultOperations vault, String backend) {
        this.vault = vault;
        this.backend = backend;
    }

    @Override
    public Mono<Health> health() {
        if (vault == null || reached.get()) {
            return Mono.just(Health.up().withDetail("backend", backend).build());
        }
        // sys/health needs no token: 200 is an active node, 429 a standby one; sealed or unreachable is not ready.
        return vault.doWithVault(client -> client.get().uri("sys/health")
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())))
                .timeout(CHECK_TIMEOUT)
                .map(status -> {
                    if (status != 200 && status != 429) {
                        return Health.down().withDetail("backend", backend)
                                .withDetail("reason", "Vault answered HTTP " + status).build();
                    }
                    reached.set(true);
                    return Health.up().withDetail("backend", backend).build();
                })
                .onErrorResume(ex -> {
                    log.error("Vault cannot be reached ({}); the gateway stays unready until it can",
                            ex.getClass().getSimpleName());
                    return Mono.just(Health.down().withDetail("backend", backend)
                            .withDetail("reason", "Vault cannot be reached").build());
                });
    }
}
