package com.acme.numbers.credentials;

import reactor.core.publisher.Mono;

/** Port to wherever Bandwidth credentials are kept; asked on every upstream call so rotation needs no restart. */
public interface CredentialVault {

    /** @return the account's credentials, or empty when the gateway serves no such account */
    Mono<BandwidthCredentials> credentialsFor(String accountId);

    /** Forgets cached credentials of an account, after Bandwidth refused them, so the next call reads them again. */
    default void invalidate(String accountId) {
    }

    /** Asks {@code first}, then this vault for the accounts {@code first} does not serve; forgets only here. */
    default CredentialVault after(CredentialVault first) {
        CredentialVault rest = this;
        return new CredentialVault() {
            @Override
            public Mono<BandwidthCredentials> credentialsFor(String accountId) {
                return first.credentialsFor(accountId).switchIfEmpty(Mono.defer(() -> rest.credentialsFor(accountId)));
            }

            @Override
            public void invalidate(String accountId) {
                rest.invalidate(accountId);
            }
        };
    }
}
