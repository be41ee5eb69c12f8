package com.acme.numbers.credentials;

import reactor.core.publisher.Mono;

/** Port to wherever Bandwidth credentials are kept; asked on every upstream call so rotation needs no restart. */
public interface CredentialVault {

    /** @return the account's credentials, or empty when the gateway serves no such account */
    Mono<BandwidthCredentials> credentialsFor(String accountId);

    /** Forgets cached credentials of an account, after Bandwidth refused them, so the next call reads them again. */
    default void invalidate(String accountId) {
    }
}
