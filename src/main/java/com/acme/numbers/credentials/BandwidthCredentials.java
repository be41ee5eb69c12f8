package com.acme.numbers.credentials;

/** How the gateway authenticates to Bandwidth for one account. */
public sealed interface BandwidthCredentials {

    /** OAuth2 client credentials: exchanged for a bearer token at the token URL. */
    record ClientCredentials(String clientId, Secret clientSecret) implements BandwidthCredentials {
    }

    /** A legacy API user sent as HTTP Basic (Bandwidth stops accepting these on 2026-12-02). */
    record BasicCredentials(String username, Secret password) implements BandwidthCredentials {
    }
}
