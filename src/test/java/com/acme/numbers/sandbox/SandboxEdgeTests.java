package com.acme.numbers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.acme.numbers.SandboxIntegrationTest;

/** The sandbox as someone other than its developer meets it: bound to loopback, admin calls behind a key. */
class SandboxEdgeTests extends SandboxIntegrationTest {

    @Test
    void adminCallsWithoutTheKeyAreRefusedAndTheStateStaysIntact() {
        String reservation = reserve();

        client.post().uri("/sandbox/admin/reset").exchange().expectStatus().isUnauthorized();
        client.put().uri("/sandbox/admin/faults").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("rateLimitSeconds", 3600)).exchange().expectStatus().isUnauthorized();
        client.post().uri("/sandbox/admin/reset").header("X-API-Key", "not-the-key").exchange()
                .expectStatus().isUnauthorized();

        client.get().uri(api("/reservations/" + reservation)).header("X-API-Key", DEV_KEY).exchange()
                .expectStatus().isOk();
        client.get().uri(api("/available-numbers?areaCode=919&quantity=1")).header("X-API-Key", DEV_KEY).exchange()
                .expectStatus().isOk();
    }

    @Test
    void aCrossOriginSimplePostCannotResetAndNoPreflightIsAnswered() {
        String reservation = reserve();

        client.post().uri("/sandbox/admin/reset").header(HttpHeaders.ORIGIN, "https://evil.example")
                .contentType(MediaType.TEXT_PLAIN).bodyValue("x").exchange().expectStatus().isUnauthorized();
        client.post().uri("/sandbox/admin/reset").header("X-API-Key", DEV_KEY)
                .contentType(MediaType.TEXT_PLAIN).bodyValue("x").exchange().expectStatus().isEqualTo(415);
        client.options().uri("/sandbox/admin/reset").header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-api-key").exchange()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectStatus().value(status -> assertThat(status).isGreaterThanOrEqualTo(400));

        client.get().uri(api("/reservations/" + reservation)).header("X-API-Key", DEV_KEY).exchange()
                .expectStatus().isOk();
    }

    @Test
    void theDevelopmentKeyStillDrivesTheAdminCalls() {
        client.put().uri("/sandbox/admin/faults").header("X-API-Key", DEV_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("latencyMillis", 1)).exchange().expectStatus().isOk();
        client.get().uri("/sandbox/admin/faults").header("X-API-Key", DEV_KEY).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.latencyMillis").isEqualTo(1);
    }

    @Test
    void theDocumentedDefaultLoginNoLongerWorks() {
        assertThat(sandbox.password()).isNotEqualTo("sandbox-password");
        client.get().uri(SANDBOX + "/accounts/" + ACCOUNT + "/availableNumbers?areaCode=919")
                .headers(h -> h.setBasicAuth("sandbox-user", "sandbox-password")).exchange()
                .expectStatus().isUnauthorized();
        basicAuth(client.get().uri(SANDBOX + "/accounts/" + ACCOUNT + "/availableNumbers?areaCode=919")).exchange()
                .expectStatus().isOk();
    }

    @Test
    void aDocumentNestedFiveThousandDeepIsAnsweredWithBandwidthsErrorShape() {
        String deep = "<Order>".repeat(5000) + "</Order>".repeat(5000);

        String answer = basicAuth(client.post().uri(SANDBOX + "/accounts/" + ACCOUNT + "/orders")
                .contentType(MediaType.APPLICATION_XML).bodyValue(deep)).exchange()
                .expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(answer).contains("5002").contains("deeper than");
        basicAuth(client.get().uri(SANDBOX + "/accounts/" + ACCOUNT + "/availableNumbers?areaCode=919")).exchange()
                .expectStatus().isOk();
    }

    @Test
    void theSandboxListensOnLoopbackOnly() throws IOException {
        Optional<InetAddress> outside = nonLoopbackAddress();
        Assumptions.assumeTrue(outside.isPresent(), "this machine has no address but loopback");

        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(outside.get(), port), 2000);
            }
        }).isInstanceOf(ConnectException.class);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            assertThat(socket.isConnected()).isTrue();
        }
    }

    private String reserve() {
        String number = client.get().uri(api("/available-numbers?areaCode=919&quantity=1"))
                .header("X-API-Key", DEV_KEY).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()
                .replaceAll("(?s).*\"phoneNumber\":\"([^\"]+)\".*", "$1");
        return client.post().uri(api("/reservations")).header("X-API-Key", DEV_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("phoneNumber", number)).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody()
                .replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
