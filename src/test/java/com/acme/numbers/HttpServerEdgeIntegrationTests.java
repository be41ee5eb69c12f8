package com.acme.numbers;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.acme.numbers.bandwidth.BandwidthEndpoints;
import com.acme.numbers.support.Fixtures;

/**
 * The HTTP server as a misbehaving or hostile client meets it, over raw sockets (an HTTP client would hide it):
 * headers trickled, a body that never completes, a caller that hangs up, pipelining, requests Netty or WebFlux
 * cannot parse. This context runs with a 2 s header timeout and a 3 s body timeout.
 */
class HttpServerEdgeIntegrationTests extends StubBandwidthIntegrationTest {

    private static final String KEY = "X-API-Key: " + OPS_KEY + "\r\n";

    @Autowired
    private MeterRegistry meters;

    @Test
    void headersTrickledAByteASecondAreCutOffAfterTheHeaderTimeout() throws IOException {
        Instant start = Instant.now();
        try (Socket socket = socket()) {
            String request = "GET /actuator/health HTTP/1.1\r\nHost: x\r\nX-Slow: " + "a".repeat(40) + "\r\n";
            String answer = null;
            for (int i = 0; i < request.length() && answer == null; i++) {
                answer = sendQuietly(socket, request.substring(i, i + 1)) ? answerWithin(socket, 1000) : "";
            }

            assertThat(answer).as("the connection ended before the 50 s of headers were sent").isNotNull();
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
            if (!answer.isEmpty()) {
                assertThat(answer).startsWith("HTTP/1.1 408").contains("\"code\":\"request_timeout\"")
                        .containsIgnoringCase("connection: close");
            }
        }
    }

    @Test
    void aConnectionThatSendsNothingGetsA408ProblemAndIsClosed() throws IOException {
        try (Socket socket = socket()) {
            String answer = readAll(socket);

            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json")
                    .contains("\"code\":\"request_timeout\"").containsIgnoringCase("x-request-id:");
        }
    }

    @Test
    void aBodyShorterThanItsLengthIsAnswered408AfterTheBodyTimeout() throws IOException {
        Instant start = Instant.now();
        try (Socket socket = socket()) {
            send(socket, "POST /api/v1/accounts/" + OAUTH_ACCOUNT + "/reservations HTTP/1.1\r\nHost: x\r\n" + KEY
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"phone");
            String answer = readAll(socket);

            assertThat(answer).startsWith("HTTP/1.1 408").contains("\"code\":\"request_timeout\"");
            assertThat(Duration.between(start, Instant.now())).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(9));
        }
    }

    @Test
    void aCallerThatHangsUpIsCountedAsClientClosedNotAsA500() throws IOException {
        double before = count("client_closed");
        double errorsBefore = count("500");
        try (Socket socket = socket()) {
            send(socket, "POST /api/v1/accounts/" + OAUTH_ACCOUNT + "/reservations HTTP/1.1\r\nHost: x\r\n" + KEY
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"phone");
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> count("client_closed") > before);
        assertThat(count("500")).isEqualTo(errorsBefore);
    }

    @Test
    void threePipelinedRequestsAreAllAnsweredInOrder() throws IOException {
        // the first is slow, so the other two (the last asking to close) are read while it is in flight
        bandwidth.stubFor(get(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/orders/slow"))).willReturn(
                xml(200, Fixtures.read(BandwidthEndpoints.class, "order-response-received.xml")).withFixedDelay(400)));
        try (Socket socket = socket()) {
            send(socket, "GET /api/v1/accounts/" + OAUTH_ACCOUNT + "/orders/slow HTTP/1.1\r\nHost: x\r\n" + KEY + "\r\n"
                    + "GET /api/v1/accounts/" + OAUTH_ACCOUNT + "/orders/o1?size=1 HTTP/1.1\r\nHost: x\r\n" + KEY + "\r\n"
                    + "GET /actuator/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            String answers = readAll(socket);

            List<String> statuses = new ArrayList<>();
            Matcher statusLine = Pattern.compile("HTTP/1\\.1 (\\d{3}) ").matcher(answers);
            while (statusLine.find()) {
                statuses.add(statusLine.group(1));
            }
            assertThat(statuses).as(answers).containsExactly("200", "400", "200");
        }
    }

    @Test
    void anUndecodableTargetOrVersionGetsAProblemWithARequestId() throws IOException {
        for (String line : new String[] { "GET /api/v1/accounts/" + OAUTH_ACCOUNT + "/available-numbers?areaCode=%zz "
                + "HTTP/1.1", "GET /api/v1/accounts/99%zz/orders HTTP/1.1", "GET /actuator/health HTTP/2.0" }) {
            try (Socket socket = socket()) {
                send(socket, line + "\r\nHost: x\r\n" + KEY + "\r\n");
                String answer = readAll(socket);

                assertThat(answer).as(line).startsWith("HTTP/1.1 400").contains("application/problem+json")
                        .contains("\"code\":\"malformed_request\"").containsIgnoringCase("x-request-id:")
                        .containsIgnoringCase("connection: close");
            }
        }
    }

    @Test
    void aBadChunkClosesTheConnectionWithoutA500() throws IOException {
        double errorsBefore = count("500");
        try (Socket socket = socket()) {
            send(socket, "POST /api/v1/accounts/" + OAUTH_ACCOUNT + "/reservations HTTP/1.1\r\nHost: x\r\n" + KEY
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n");
            String answer = readAll(socket);

            assertThat(answer).doesNotContain(" 500 ");
        }
        assertThat(count("500")).isEqualTo(errorsBefore);
    }

    private double count(String status) {
        return Search.in(meters).name("http.server.requests").tag("status", status).timers().stream()
                .mapToDouble(timer -> timer.count()).sum();
    }

    private Socket socket() throws IOException {
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(15_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    private static boolean sendQuietly(Socket socket, String text) {
        try {
            send(socket, text);
            return true;
        }
        catch (IOException closed) {
            return false;
        }
    }

    /** What the server answered within {@code millis} (empty when it just closed), or null when it said nothing. */
    private static String answerWithin(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            int first = socket.getInputStream().read();
            socket.setSoTimeout(15_000);
            return first == -1 ? "" : (char) first + readAll(socket);
        }
        catch (SocketTimeoutException stillOpen) {
            socket.setSoTimeout(15_000);
            return null;
        }
        catch (IOException reset) {
            return "";
        }
    }

    private static String readAll(Socket socket) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            socket.getInputStream().transferTo(out);
        }
        catch (IOException reset) {
            // a reset after the answer still leaves what was read
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
