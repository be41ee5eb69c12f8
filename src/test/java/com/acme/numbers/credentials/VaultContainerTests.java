package com.acme.numbers.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.vault.VaultContainer;

/**
 * The Vault backend against a real Vault (dev mode) in Docker. Skipped where no Docker engine runs (as on the
 * project's machines and CI); {@link VaultCredentialVaultTests} covers the same paths against a Vault HTTP stub.
 */
@Testcontainers(disabledWithoutDocker = true)
class VaultContainerTests {

    private static final String ROOT_TOKEN = "root-token-for-tests";

    @Container
    static final VaultContainer<?> vault = new VaultContainer<>("hashicorp/vault:1.17")
            .withVaultToken(ROOT_TOKEN)
            .withInitCommand("kv put secret/numbers-gateway/accounts/acct-1 client-id=client-1 client-secret=v1");

    @Test
    void readsAndRotatesKvV2Credentials() throws Exception {
        CredentialsProperties.Vault settings = new CredentialsProperties.Vault(URI.create(vault.getHttpHostAddress()),
                "token", ROOT_TOKEN, null, null, null, "/nonexistent", "secret", "numbers-gateway/accounts/{accountId}",
                Duration.ZERO, Duration.ofSeconds(5));
        VaultCredentialVault credentials = new VaultCredentialVault(VaultClientFactory.create(settings), settings,
                Clock.systemUTC());

        assertThat(credentials.credentialsFor("acct-1").block())
                .isEqualTo(new BandwidthCredentials.ClientCredentials("client-1", Secret.of("v1")));

        vault.execInContainer("vault", "kv", "put", "secret/numbers-gateway/accounts/acct-1", "client-id=client-1",
                "client-secret=v2");
        assertThat(credentials.credentialsFor("acct-1").block())
                .isEqualTo(new BandwidthCredentials.ClientCredentials("client-1", Secret.of("v2")));
        assertThat(credentials.credentialsFor("acct-unknown").blockOptional()).isEmpty();
    }
}
