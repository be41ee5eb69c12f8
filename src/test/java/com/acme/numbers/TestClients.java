package com.acme.numbers;

import java.time.Duration;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * A WebTestClient for the running gateway that opens a new connection per request. With a pooled connection the
 * test client now and then hung on a POST that followed a GET on the same connection; curl reusing one
 * connection for the same sequence (80 alternating requests) never hangs, so this stays a test-client setting.
 */
final class TestClients {

    private TestClients() {
    }

    static WebTestClient forPort(int port) {
        HttpClient http = HttpClient.create(ConnectionProvider.newConnection());
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
                .baseUrl("http://localhost:" + port)
                // a Prometheus scrape with histograms is larger than the default 256 KB
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }
}
