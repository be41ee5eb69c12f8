package com.acme.numbers.bandwidth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import reactor.core.publisher.Mono;

import com.acme.numbers.credentials.BandwidthCredentials;
import com.acme.numbers.credentials.CredentialVault;
import com.acme.numbers.credentials.Secret;

/**
 * The Basic login Bandwidth sends with its notifications: kept in the credential backend under the entry
 * {@value CallbacksProperties#LOGIN_ENTRY} (a username and a password, like a legacy API user), read on every use so
 * rotation needs no restart, and never logged.
 */
final class CallbackLogin {

    /** A username and password; the password shows itself nowhere. */
    record Login(String username, Secret password) {

        String header() {
            return "Basic " + Base64.getEncoder().encodeToString((username + ':' + password.reveal())
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    private final CredentialVault vault;

    CallbackLogin(CredentialVault vault) {
        this.vault = vault;
    }

    /** @return the login, or empty when the backend holds none */
    Mono<Login> current() {
        return vault.credentialsFor(CallbacksProperties.LOGIN_ENTRY).mapNotNull(credentials -> credentials
                instanceof BandwidthCredentials.BasicCredentials basic ? new Login(basic.username(), basic.password())
                        : null);
    }

    /** Whether {@code authorization} carries the login; compared in constant time, whatever its length. */
    Mono<Boolean> accepts(String authorization) {
        return current().map(login -> MessageDigest.isEqual(digest(login.header()), digest(authorization.trim())))
                .defaultIfEmpty(false);
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }
}
