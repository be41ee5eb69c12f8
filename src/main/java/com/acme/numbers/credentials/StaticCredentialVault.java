package com.acme.numbers.credentials;

import java.util.HashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

/** Credentials from configuration, for development and the sandbox; production uses a real secret store. */
public class StaticCredentialVault implements CredentialVault {

    private final Map<String, BandwidthCredentials> accounts;

    public StaticCredentialVault(Map<String, BandwidthCredentials> accounts) {
        this.accounts = Map.copyOf(accounts);
    }

    public static StaticCredentialVault from(CredentialsProperties properties) {
        Map<String, BandwidthCredentials> accounts = new HashMap<>();
        properties.staticAccounts().forEach((id, account) -> accounts.put(id, account.toCredentials(id)));
        return new StaticCredentialVault(accounts);
    }

    /** A copy that also serves {@code accountId}, unless configuration already names it. */
    public StaticCredentialVault with(String accountId, BandwidthCredentials credentials) {
        Map<String, BandwidthCredentials> more = new HashMap<>(accounts);
        more.putIfAbsent(accountId, credentials);
        return new StaticCredentialVault(more);
    }

    @Override
    public Mono<BandwidthCredentials> credentialsFor(String accountId) {
        return Mono.justOrEmpty(accounts.get(accountId));
    }
}
