package com.acme.numbers.credentials;

import java.net.URI;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.vault.authentication.AppRoleAuthentication;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions;
import org.springframework.vault.authentication.AuthenticationSteps;
import org.springframework.vault.authentication.AuthenticationStepsOperator;
import org.springframework.vault.authentication.KubernetesAuthentication;
import org.springframework.vault.authentication.KubernetesAuthenticationOptions;
import org.springframework.vault.authentication.KubernetesServiceAccountTokenFile;
import org.springframework.vault.authentication.ReactiveLifecycleAwareSessionManager;
import org.springframework.vault.authentication.ReactiveSessionManager;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.ClientHttpConnectorFactory;
import org.springframework.vault.client.ReactiveVaultClients;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.ReactiveVaultTemplate;
import org.springframework.vault.support.ClientOptions;
import org.springframework.vault.support.SslConfiguration;
import org.springframework.vault.support.VaultToken;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the reactive Vault client for token, AppRole or Kubernetes authentication, with token renewal, the
 * library's way: the HTTP connector comes from Spring Vault's {@link ClientHttpConnectorFactory} with connect and
 * read timeouts ({@code gateway.credentials.vault.timeout}), so a Vault that accepts connections and never answers
 * cannot hold a call. The session manager is meant to be a Spring bean: its {@code destroy()} revokes the login
 * token at shutdown.
 */
public final class VaultClientFactory {

    private VaultClientFactory() {
    }

    /** A client with its own session manager (tests, tools); the application wires {@link #sessions} as a bean. */
    public static ReactiveVaultTemplate create(CredentialsProperties.Vault settings) {
        return template(settings, sessions(settings));
    }

    public static ReactiveLifecycleAwareSessionManager sessions(CredentialsProperties.Vault settings) {
        WebClient webClient = ReactiveVaultClients.createWebClient(endpoint(settings), connector(settings));
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("vault-session-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        return new ReactiveLifecycleAwareSessionManager(new AuthenticationStepsOperator(steps(settings), webClient),
                scheduler, webClient);
    }

    public static ReactiveVaultTemplate template(CredentialsProperties.Vault settings, ReactiveSessionManager sessions) {
        return new ReactiveVaultTemplate(endpoint(settings), connector(settings), sessions);
    }

    private static VaultEndpoint endpoint(CredentialsProperties.Vault settings) {
        URI uri = require(settings.uri(), "gateway.credentials.vault.uri");
        VaultEndpoint endpoint = VaultEndpoint.create(uri.getHost(),
                uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 8200));
        endpoint.setScheme(uri.getScheme());
        return endpoint;
    }

    private static ClientHttpConnector connector(CredentialsProperties.Vault settings) {
        return ClientHttpConnectorFactory.create(new ClientOptions(settings.timeout(), settings.timeout()),
                SslConfiguration.unconfigured());
    }

    private static AuthenticationSteps steps(CredentialsProperties.Vault settings) {
        return switch (settings.authentication()) {
            case "token" -> TokenAuthentication.createAuthenticationSteps(
                    VaultToken.of(require(settings.token(), "gateway.credentials.vault.token")), false);
            case "approle" -> AppRoleAuthentication.createAuthenticationSteps(AppRoleAuthenticationOptions.builder()
                    .roleId(AppRoleAuthenticationOptions.RoleId.provided(
                            require(settings.roleId(), "gateway.credentials.vault.role-id")))
                    .secretId(AppRoleAuthenticationOptions.SecretId.provided(
                            require(settings.secretId(), "gateway.credentials.vault.secret-id")))
                    .build());
            case "kubernetes" -> KubernetesAuthentication.createAuthenticationSteps(
                    KubernetesAuthenticationOptions.builder()
                            .role(require(settings.kubernetesRole(), "gateway.credentials.vault.kubernetes-role"))
                            .jwtSupplier(new KubernetesServiceAccountTokenFile(settings.kubernetesTokenPath()))
                            .build());
            default -> throw new IllegalStateException("gateway.credentials.vault.authentication must be token, "
                    + "approle or kubernetes, not " + settings.authentication());
        };
    }

    private static <T> T require(T value, String property) {
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException(property + " is required for the vault credentials backend");
        }
        return value;
    }
}
