package com.acme.numbers.credentials;

import java.net.URI;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.vault.authentication.AppRoleAuthentication;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions;
import org.springframework.vault.authentication.AuthenticationSteps;
import org.springframework.vault.authentication.AuthenticationStepsOperator;
import org.springframework.vault.authentication.KubernetesAuthentication;
import org.springframework.vault.authentication.KubernetesAuthenticationOptions;
import org.springframework.vault.authentication.KubernetesServiceAccountTokenFile;
import org.springframework.vault.authentication.ReactiveLifecycleAwareSessionManager;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.ReactiveVaultClients;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.ReactiveVaultTemplate;
import org.springframework.vault.support.VaultToken;
import org.springframework.web.reactive.function.client.WebClient;

/** Builds the reactive Vault client for token, AppRole or Kubernetes authentication, with token renewal. */
public final class VaultClientFactory {

    private VaultClientFactory() {
    }

    public static ReactiveVaultTemplate create(CredentialsProperties.Vault settings) {
        URI uri = require(settings.uri(), "gateway.credentials.vault.uri");
        VaultEndpoint endpoint = VaultEndpoint.create(uri.getHost(),
                uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 8200));
        endpoint.setScheme(uri.getScheme());
        ReactorClientHttpConnector connector = new ReactorClientHttpConnector();
        WebClient webClient = ReactiveVaultClients.createWebClient(endpoint, connector);
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("vault-session-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        var sessions = new ReactiveLifecycleAwareSessionManager(
                new AuthenticationStepsOperator(steps(settings), webClient), scheduler, webClient);
        return new ReactiveVaultTemplate(endpoint, connector, sessions);
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
