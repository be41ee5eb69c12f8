package com.acme.numbers.credentials;

import reactor.core.publisher.Mono;

/** Port to wherever Bandwidth credentials are kept; asked on every upstream call so rotation needs no restart. */
public interface CredentialVault {

    /** @return the account's credentials, or empty when the gateway serves no such account */
    Mono<BandwidthCredentials> credentialsFor(String accountId);
}
