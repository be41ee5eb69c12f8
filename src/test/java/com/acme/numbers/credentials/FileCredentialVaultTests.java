package com.acme.numbers.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.acme.numbers.support.MutableClock;

/** A Kubernetes Secret volume, laid out the way the kubelet does it, rotated by swapping the ..data symlink. */
class FileCredentialVaultTests {

    @TempDir
    Path root;

    private final MutableClock clock = new MutableClock();

    @Test
    void readsClientCredentialsOrAnApiUserPerAccount() throws Exception {
        write(root.resolve("acct-1"), "client-id", "client-1", "client-secret", "s3cr3t\n");
        write(root.resolve("acct-2"), "username", "user-2", "password", "p4ss");
        FileCredentialVault vault = new FileCredentialVault(root, Duration.ofSeconds(10), clock);

        assertThat(vault.credentialsFor("acct-1").block())
                .isEqualTo(new BandwidthCredentials.ClientCredentials("client-1", Secret.of("s3cr3t")));
        assertThat(vault.credentialsFor("acct-2").block())
                .isEqualTo(new BandwidthCredentials.BasicCredentials("user-2", Secret.of("p4ss")));
        assertThat(vault.credentialsFor("acct-3").blockOptional()).isEmpty();
        assertThat(vault.credentialsFor("../acct-1").blockOptional()).isEmpty();
    }

    @Test
    void picksUpASymlinkSwapAfterTheCacheTtl() throws Exception {
        Path account = Files.createDirectories(root.resolve("acct-1"));
        Path v1 = write(root.resolve("..2026_11_28_v1"), "client-id", "client-1", "client-secret", "old");
        Path v2 = write(root.resolve("..2026_11_28_v2"), "client-id", "client-1", "client-secret", "new");
        Path data = root.resolve("..data");
        Files.createSymbolicLink(data, v1.getFileName());
        Files.createSymbolicLink(account.resolve("client-id"), Path.of("..", "..data", "client-id"));
        Files.createSymbolicLink(account.resolve("client-secret"), Path.of("..", "..data", "client-secret"));
        FileCredentialVault vault = new FileCredentialVault(root, Duration.ofSeconds(10), clock);
        assertThat(secret(vault)).isEqualTo("old");

        Path swap = root.resolve("..data_tmp");
        Files.createSymbolicLink(swap, v2.getFileName());
        Files.move(swap, data, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);

        assertThat(secret(vault)).as("still cached").isEqualTo("old");
        clock.advance(Duration.ofSeconds(11));
        assertThat(secret(vault)).isEqualTo("new");
    }

    @Test
    void invalidateReadsAgainAtOnce() throws Exception {
        Path account = write(root.resolve("acct-1"), "client-id", "client-1", "client-secret", "old");
        FileCredentialVault vault = new FileCredentialVault(root, Duration.ofMinutes(10), clock);
        assertThat(secret(vault)).isEqualTo("old");

        Files.writeString(account.resolve("client-secret"), "new");
        vault.invalidate("acct-1");

        assertThat(secret(vault)).isEqualTo("new");
    }

    private static String secret(FileCredentialVault vault) {
        return ((BandwidthCredentials.ClientCredentials) vault.credentialsFor("acct-1").block()).clientSecret()
                .reveal();
    }

    private static Path write(Path dir, String... keysAndValues) throws Exception {
        Files.createDirectories(dir);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Files.writeString(dir.resolve(keysAndValues[i]), keysAndValues[i + 1]);
        }
        return dir;
    }
}
