package com.acme.numbers.web.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiClientsTests {

    private static final ApiClient OPS = new ApiClient("ops", Set.of("acct"), Set.of(ApiClient.READ), 10, 5000);

    @Test
    void hashesAreStandardSha256InLowerCaseHex() {
        // FIPS 180-2's test vectors
        assertThat(ApiClients.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ApiClients.sha256(""))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(ApiClients.sha256("a".getBytes(StandardCharsets.UTF_8), "bc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(ApiClients.sha256("abc"));
    }

    @Test
    void concurrentCallersEachGetTheirOwnDigest() {
        List<String> keys = IntStream.range(0, 2_000).mapToObj(i -> "key-" + i).toList();
        List<String> sequential = keys.stream().map(ApiClients::sha256).toList();
        List<String> parallel = keys.parallelStream().map(ApiClients::sha256).toList();
        assertThat(parallel).isEqualTo(sequential);
    }

    @Test
    void aCallerIsFoundByItsKeyAndOnlyByIt() {
        ApiClients clients = new ApiClients(Map.of(ApiClients.sha256("s3cret"), OPS));
        assertThat(clients.find("s3cret")).contains(OPS);
        assertThat(clients.find("s3cret ")).isEmpty();
        assertThat(clients.find("other")).isEmpty();
    }
}
