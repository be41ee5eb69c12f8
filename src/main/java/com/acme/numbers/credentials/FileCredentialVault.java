package com.acme.numbers.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Credentials from files, one folder per account, as a Kubernetes Secret volume lays them out; read again after
 * the cache TTL, which picks up Kubernetes' symlink swap on rotation. File I/O runs off the event loop.
 */
public final class FileCredentialVault extends CachingCredentialVault {

    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final List<String> KEYS = List.of("client-id", "client-secret", "username", "password");

    /** A file read that takes longer hangs on its volume (a stuck network mount). */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private final Path directory;

    public FileCredentialVault(Path directory, Duration cacheTtl, Clock clock) {
        super(clock, cacheTtl, READ_TIMEOUT);
        this.directory = directory;
    }

    @Override
    Mono<BandwidthCredentials> read(String accountId) {
        if (!ACCOUNT.matcher(accountId).matches()) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> readFiles(directory.resolve(accountId)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    String storeName() {
        return "The credential files";
    }

    private static BandwidthCredentials readFiles(Path account) {
        if (!Files.isDirectory(account)) {
            return null;
        }
        Map<String, String> keys = new HashMap<>();
        for (String key : KEYS) {
            Path file = account.resolve(key);
            if (Files.isRegularFile(file)) {
                try {
                    keys.put(key, Files.readString(file));
                }
                catch (IOException ex) {
                    throw new UncheckedIOException("cannot read " + key + " of an account", ex);
                }
            }
        }
        return fromKeys(keys);
    }
}
