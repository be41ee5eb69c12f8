package com.acme.numbers.credentials;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Where Bandwidth credentials come from.
 *
 * @param backend {@code vault} (HashiCorp Vault KV v2), {@code file} (a mounted Secret) or {@code static}
 *        (development only: from configuration; refused under the {@code production} profile)
 * @param staticAccounts credentials per account id for the {@code static} backend
 * @param vault settings of the {@code vault} backend
 * @param file settings of the {@code file} backend
 */
@ConfigurationProperties("gateway.credentials")
public record CredentialsProperties(
        @DefaultValue("static") String backend,
        @Name("static") Map<String, StaticAccount> staticAccounts,
        @DefaultValue Vault vault,
        @DefaultValue File file) {

    public CredentialsProperties {
        staticAccounts = staticAccounts == null ? Map.of() : Map.copyOf(staticAccounts);
    }

    /**
     * The Vault backend: one KV v2 secret per account, keys client-id/client-secret or username/password.
     *
     * @param uri Vault's address, for example {@code https://vault.vault.svc:8200}
     * @param authentication {@code token}, {@code approle} or {@code kubernetes}
     * @param token the Vault token, for {@code token}
     * @param roleId AppRole role id, for {@code approle}
     * @param secretId AppRole secret id, for {@code approle}
     * @param kubernetesRole Vault role bound to the pod's service account, for {@code kubernetes}
     * @param kubernetesTokenPath the service-account token file, for {@code kubernetes}
     * @param kvMount the KV v2 mount
     * @param path secret path under the mount; {@code {accountId}} is replaced
     * @param cacheTtl how long credentials are used before Vault is asked again
     * @param timeout how long one Vault call may take (connect and answer); past it the last known credentials
     *        are served, or the caller gets a 503. Keep it well inside {@code gateway.bandwidth.response-timeout}
     */
    public record Vault(
            URI uri,
            @DefaultValue("token") String authentication,
            String token,
            String roleId,
            String secretId,
            String kubernetesRole,
            @DefaultValue("/var/run/secrets/kubernetes.io/serviceaccount/token") String kubernetesTokenPath,
            @DefaultValue("secret") String kvMount,
            @DefaultValue("numbers-gateway/accounts/{accountId}") String path,
            @DefaultValue("5m") Duration cacheTtl,
            @DefaultValue("2s") Duration timeout) {

        @Override
        public String toString() {
            return "Vault[uri=" + uri + ", authentication=" + authentication + ", token=******, roleId=" + roleId
                    + ", secretId=******, kubernetesRole=" + kubernetesRole + ", kvMount=" + kvMount + ", path="
                    + path + ", cacheTtl=" + cacheTtl + ", timeout=" + timeout + "]";
        }
    }

    /**
     * The file backend: {@code <directory>/<accountId>/client-id} and {@code client-secret} (or {@code username},
     * {@code password}), the way a Kubernetes Secret volume lays them out.
     *
     * @param directory the mounted folder
     * @param cacheTtl how long files are used before they are read again (rotation swaps them)
     */
    public record File(Path directory, @DefaultValue("10s") Duration cacheTtl) {
    }

    /**
     * One account's credentials: either the OAuth2 client pair or the legacy username and password.
     *
     * @param clientId OAuth2 client id
     * @param clientSecret OAuth2 client secret
     * @param username legacy API user
     * @param password legacy API user's password
     */
    public record StaticAccount(String clientId, String clientSecret, String username, String password) {

        BandwidthCredentials toCredentials(String accountId) {
            if (clientId != null && clientSecret != null) {
                return new BandwidthCredentials.ClientCredentials(clientId, Secret.of(clientSecret));
            }
            if (username != null && password != null) {
                return new BandwidthCredentials.BasicCredentials(username, Secret.of(password));
            }
            throw new IllegalStateException("gateway.credentials.static." + accountId
                    + " needs client-id and client-secret, or username and password");
        }

        @Override
        public String toString() {
            return "StaticAccount[clientId=" + clientId + ", clientSecret=******, username=" + username
                    + ", password=******]";
        }
    }
}
