package com.acme.numbers.credentials;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.vault.core.ReactiveVaultTemplate;

import com.acme.numbers.support.MutableClock;

/** The Vault backend against a Vault HTTP stub: KV v2 reads, new versions, 403, 404, and the three logins. */
class VaultCredentialVaultTests {

    private static final String SECRET_PATH = "/v1/secret/data/numbers-gateway/accounts/acct-1";
    private static final WireMockServer vaultStub = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    private final MutableClock clock = new MutableClock();

    @BeforeAll
    static void start() {
        vaultStub.start();
    }

    @AfterAll
    static void stop() {
        vaultStub.stop();
    }

    @BeforeEach
    void reset() {
        vaultStub.resetAll();
        vaultStub.stubFor(get(urlPathEqualTo("/v1/auth/token/lookup-self")).willReturn(okJson(
                "{\"data\":{\"ttl\":3600,\"renewable\":false,\"policies\":[\"numbers-gateway\"]}}")));
    }

    @Test
    void readsKvV2SecretsWithTheToken() {
        stubSecret(1, "client-1", "secret-v1");

        BandwidthCredentials credentials = vault("token").credentialsFor("acct-1").block();

        assertThat(credentials).isEqualTo(new BandwidthCredentials.ClientCredentials("client-1", Secret.of("secret-v1")));
        vaultStub.verify(getRequestedFor(urlPathEqualTo(SECRET_PATH)).withHeader("X-Vault-Token", equalTo("s.test-token")));
    }

    @Test
    void aNewVersionIsUsedAfterTheCacheTtl() {
        stubSecret(1, "client-1", "secret-v1");
        VaultCredentialVault vault = vault("token");
        vault.credentialsFor("acct-1").block();

        stubSecret(2, "client-1", "secret-v2");
        assertThat(secret(vault)).as("within the TTL").isEqualTo("secret-v1");
        clock.advance(Duration.ofMinutes(6));

        assertThat(secret(vault)).isEqualTo("secret-v2");
    }

    @Test
    void missingSecretMeansNoSuchAccount() {
        vaultStub.stubFor(get(urlPathEqualTo(SECRET_PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"errors\":[]}")));

        assertThat(vault("token").credentialsFor("acct-1").blockOptional()).isEmpty();
    }

    @Test
    void forbiddenWithoutCacheIsUnavailableAndWithCacheServesTheLastCredentials() {
        VaultCredentialVault vault = vault("token");
        vaultStub.stubFor(get(urlPathEqualTo(SECRET_PATH)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"errors\":[\"permission denied\"]}")));
        assertThatThrownBy(() -> vault.credentialsFor("acct-1").block())
                .isInstanceOf(CredentialsUnavailableException.class).hasMessageNotContaining("s.test-token");

        stubSecret(1, "client-1", "secret-v1");
        assertThat(secret(vault)).isEqualTo("secret-v1");
        vaultStub.stubFor(get(urlPathEqualTo(SECRET_PATH)).willReturn(aResponse().withStatus(503)));
        clock.advance(Duration.ofMinutes(6));

        assertThat(secret(vault)).as("Vault down later: cached credentials keep working").isEqualTo("secret-v1");
    }

    @Test
    void appRoleLogsInAndUsesTheClientToken() {
        vaultStub.stubFor(post(urlPathEqualTo("/v1/auth/approle/login"))
                .withRequestBody(equalToJson("{\"role_id\":\"role-1\",\"secret_id\":\"secret-id-1\"}"))
                .willReturn(okJson("{\"auth\":{\"client_token\":\"s.approle-token\",\"lease_duration\":3600,"
                        + "\"renewable\":true}}")));
        stubSecret(1, "client-1", "secret-v1");

        assertThat(secret(vault("approle"))).isEqualTo("secret-v1");

        vaultStub.verify(getRequestedFor(urlPathEqualTo(SECRET_PATH))
                .withHeader("X-Vault-Token", equalTo("s.approle-token")));
    }

    @Test
    void renewableLoginTokensAreRenewedBeforeTheyExpire() {
        vaultStub.stubFor(post(urlPathEqualTo("/v1/auth/approle/login")).willReturn(okJson(
                "{\"auth\":{\"client_token\":\"s.approle-token\",\"lease_duration\":8,\"renewable\":true}}")));
        vaultStub.stubFor(post(urlPathEqualTo("/v1/auth/token/renew-self")).willReturn(okJson(
                "{\"auth\":{\"client_token\":\"s.approle-token\",\"lease_duration\":3600,\"renewable\":true}}")));
        stubSecret(1, "client-1", "secret-v1");

        assertThat(secret(vault("approle"))).isEqualTo("secret-v1");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> vaultStub.verify(postRequestedFor(urlPathEqualTo("/v1/auth/token/renew-self"))
                        .withHeader("X-Vault-Token", equalTo("s.approle-token"))));
    }

    @Test
    void kubernetesLogsInWithTheServiceAccountToken(@TempDir Path dir) throws Exception {
        Path jwt = Files.writeString(dir.resolve("token"), "eyJ.service-account.jwt");
        vaultStub.stubFor(post(urlPathEqualTo("/v1/auth/kubernetes/login"))
                .withRequestBody(equalToJson("{\"role\":\"numbers-gateway\",\"jwt\":\"eyJ.service-account.jwt\"}"))
                .willReturn(okJson("{\"auth\":{\"client_token\":\"s.k8s-token\",\"lease_duration\":3600,"
                        + "\"renewable\":true}}")));
        stubSecret(1, "client-1", "secret-v1");

        assertThat(secret(vault(settings("kubernetes", jwt.toString())))).isEqualTo("secret-v1");

        vaultStub.verify(postRequestedFor(urlPathEqualTo("/v1/auth/kubernetes/login")));
        vaultStub.verify(getRequestedFor(urlPathEqualTo(SECRET_PATH)).withHeader("X-Vault-Token", equalTo("s.k8s-token")));
    }

    @Test
    void aVaultThatNeverAnswersCannotHoldCallersWhileCredentialsAreCached() {
        stubSecret(1, "client-1", "secret-v1");
        VaultCredentialVault vault = vault("token");
        vault.credentialsFor("acct-1").block();
        vaultStub.stubFor(get(urlPathEqualTo(SECRET_PATH)).willReturn(okJson("{}").withFixedDelay(30_000)));
        clock.advance(Duration.ofMinutes(6));

        assertThat(secretWithin(vault, Duration.ofSeconds(5))).as("served once the read times out")
                .isEqualTo("secret-v1");
        assertThat(secretWithin(vault, Duration.ofMillis(500))).as("served at once while Vault hangs")
                .isEqualTo("secret-v1");
        vaultStub.verify(2, getRequestedFor(urlPathEqualTo(SECRET_PATH)));
    }

    @Test
    void aVaultThatNeverAnswersWithNothingCachedFailsWithinTheTimeout() {
        vaultStub.stubFor(get(urlPathEqualTo(SECRET_PATH)).willReturn(okJson("{}").withFixedDelay(30_000)));

        assertThatThrownBy(() -> vault("token").credentialsFor("acct-1").block(Duration.ofSeconds(5)))
                .isInstanceOf(CredentialsUnavailableException.class);
    }

    @Test
    void readinessWaitsForVaultThenStaysUp() {
        CredentialsProperties.Vault down = new CredentialsProperties.Vault(URI.create("http://127.0.0.1:1"), "token",
                "s.test-token", null, null, null, "/nonexistent", "secret", "p/{accountId}", Duration.ofMinutes(5),
                Duration.ofSeconds(1));
        assertThat(new CredentialsHealthIndicator(VaultClientFactory.create(down), "vault").health().block()
                .getStatus().getCode()).isEqualTo("DOWN");

        vaultStub.stubFor(get(urlPathEqualTo("/v1/sys/health")).willReturn(okJson(
                "{\"initialized\":true,\"sealed\":false,\"standby\":false,\"version\":\"1.17.0\"}")));
        CredentialsHealthIndicator readiness = new CredentialsHealthIndicator(
                VaultClientFactory.create(settings("token", "/nonexistent")), "vault");
        assertThat(readiness.health().block().getStatus().getCode()).isEqualTo("UP");

        vaultStub.stubFor(get(urlPathEqualTo("/v1/sys/health")).willReturn(aResponse().withStatus(503)));
        assertThat(readiness.health().block().getStatus().getCode()).as("later outages keep the pod ready")
                .isEqualTo("UP");
    }

    private static String secretWithin(VaultCredentialVault vault, Duration bound) {
        BandwidthCredentials.ClientCredentials credentials = (BandwidthCredentials.ClientCredentials) vault
                .credentialsFor("acct-1").block(bound);
        return credentials.clientSecret().reveal();
    }

    private VaultCredentialVault vault(String authentication) {
        return vault(settings(authentication, "/nonexistent"));
    }

    private VaultCredentialVault vault(CredentialsProperties.Vault settings) {
        ReactiveVaultTemplate template = VaultClientFactory.create(settings);
        return new VaultCredentialVault(template, settings, clock);
    }

    private static CredentialsProperties.Vault settings(String authentication, String tokenPath) {
        return new CredentialsProperties.Vault(URI.create("http://localhost:" + vaultStub.port()), authentication,
                "s.test-token", "role-1", "secret-id-1", "numbers-gateway", tokenPath, "secret",
                "numbers-gateway/accounts/{accountId}", Duration.ofMinutes(5), Duration.ofSeconds(1));
    }

    private static String secret(VaultCredentialVault vault) {
        return ((BandwidthCredentials.ClientCredentials) vault.credentialsFor("acct-1").block()).clientSecret()
                .reveal();
    }

    private static void stubSecret(int version, String clientId, String clientSecret) {
        vaultStub.stubFor(get(urlPathEqualTo(SECRET_PATH)).willReturn(okJson("{\"data\":{\"data\":{\"client-id\":\""
                + clientId + "\",\"client-secret\":\"" + clientSecret + "\"},\"metadata\":{\"version\":" + version
                + "}}}")));
    }
}
