package com.acme.numbers.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Secrets never show in toString(), and the static backend serves exactly what it was given. */
class CredentialsTests {

    @Test
    void secretsAreMaskedEverywhereTheyCouldBePrinted() {
        Secret secret = Secret.of("s3cr3t-value");
        BandwidthCredentials client = new BandwidthCredentials.ClientCredentials("client", secret);
        BandwidthCredentials basic = new BandwidthCredentials.BasicCredentials("user", Secret.of("p4ss-value"));
        CredentialsProperties.StaticAccount account = new CredentialsProperties.StaticAccount("client",
                "s3cr3t-value", "user", "p4ss-value");

        assertThat(secret.reveal()).isEqualTo("s3cr3t-value");
        assertThat(secret + " " + client + " " + basic + " " + account
                + new CredentialsProperties("static", Map.of("a", account), null, null))
                .doesNotContain("s3cr3t-value").doesNotContain("p4ss-value").contains("******");
    }

    @Test
    void staticVaultServesConfiguredAccountsOnly() {
        StaticCredentialVault vault = StaticCredentialVault.from(new CredentialsProperties("static", Map.of(
                "oauth", new CredentialsProperties.StaticAccount("id", "secret", null, null),
                "basic", new CredentialsProperties.StaticAccount(null, null, "user", "password")), null, null));

        assertThat(vault.credentialsFor("oauth").block())
                .isEqualTo(new BandwidthCredentials.ClientCredentials("id", Secret.of("secret")));
        assertThat(vault.credentialsFor("basic").block())
                .isEqualTo(new BandwidthCredentials.BasicCredentials("user", Secret.of("password")));
        assertThat(vault.credentialsFor("other").blockOptional()).isEmpty();
        assertThat(vault.with("oauth", new BandwidthCredentials.BasicCredentials("x", Secret.of("y")))
                .credentialsFor("oauth").block()).isInstanceOf(BandwidthCredentials.ClientCredentials.class);
    }

    @Test
    void incompleteStaticAccountNamesTheProperty() {
        assertThatThrownBy(() -> StaticCredentialVault.from(new CredentialsProperties("static", Map.of(
                "half", new CredentialsProperties.StaticAccount("id", null, null, null)), null, null)))
                .hasMessageContaining("gateway.credentials.static.half");
    }
}
