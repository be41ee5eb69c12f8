package com.acme.numbers.credentials;

import java.time.Clock;
import java.util.Map;

import org.springframework.vault.core.ReactiveVaultOperations;
import reactor.core.publisher.Mono;

/**
 * Credentials from HashiCorp Vault KV v2, one secret per account ({@code <mount>/data/<path>}), cached for the TTL
 * so a new secret version is used within it. A missing secret means the gateway does not serve that account.
 */
public final class VaultCredentialVault extends CachingCredentialVault {

    private final ReactiveVaultOperations vault;
    private final CredentialsProperties.Vault settings;

    public VaultCredentialVault(ReactiveVaultOperations vault, CredentialsProperties.Vault settings, Clock clock) {
        super(clock, settings.cacheTtl(), settings.timeout());
        this.vault = vault;
        this.settings = settings;
    }

    @Override
    @SuppressWarnings("unchecked")
    Mono<BandwidthCredentials> read(String accountId) {
        String path = settings.kvMount() + "/data/" + settings.path().replace("{accountId}", accountId);
        // Status handling is ours: only 404 means "no such account"; 403, 5xx and a sealed Vault are failures.
        return vault.doWithSession(client -> client.get().uri(path).exchangeToMono(response -> {
            if (response.statusCode().value() == 404) {
                return response.releaseBody().then(Mono.<Map<String, Object>>empty());
            }
            if (!response.statusCode().is2xxSuccessful()) {
                return response.releaseBody().then(Mono.<Map<String, Object>>error(new CredentialsUnavailableException(
                        "Vault answered HTTP " + response.statusCode().value())));
            }
            return response.bodyToMono(Map.class).map(body -> (Map<String, Object>) body);
        })).mapNotNull(body -> body.get("data") instanceof Map<?, ?> data && data.get("data") instanceof Map<?, ?> keys
                ? fromKeys((Map<String, ?>) keys) : null);
    }

    @Override
    String storeName() {
        return "Vault";
    }
}
