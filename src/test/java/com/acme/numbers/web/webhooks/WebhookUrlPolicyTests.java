package com.acme.numbers.web.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.acme.numbers.events.webhooks.WebhooksProperties;
import com.acme.numbers.ordering.error.InvalidRequestException;

class WebhookUrlPolicyTests {

    private final WebhookUrlPolicy policy = new WebhookUrlPolicy(properties(List.of("hooks.example.com",
            "*.svc.example.net", "10.20.30.40"), List.of("127.0.0.1", "localhost")));

    @Test
    void httpsToAnAllowedHostOrAPatternIsAccepted() {
        assertThat(policy.parse("https://hooks.example.com/in")).isEqualTo(URI.create("https://hooks.example.com/in"));
        assertThat(policy.parse("https://a.b.svc.example.net/in").getHost()).isEqualTo("a.b.svc.example.net");
        assertThat(policy.parse("HTTPS://HOOKS.EXAMPLE.COM/in").getHost()).isEqualTo("HOOKS.EXAMPLE.COM");
    }

    @Test
    void aPatternDoesNotMatchItsBareSuffixNorALookAlike() {
        refused("https://svc.example.net/in", "allowed-hosts");
        refused("https://hooks.example.com.evil.test/in", "allowed-hosts");
        refused("https://evilsvc.example.net/in", "allowed-hosts");
    }

    @Test
    void plainHttpNeedsAnInsecureHostEvenWhenTheHostIsAllowedForHttps() {
        refused("http://hooks.example.com/in", "insecure-http-hosts");
        assertThat(policy.parse("http://127.0.0.1:8080/in").getPort()).isEqualTo(8080);
    }

    @ParameterizedTest
    @ValueSource(strings = { "not a url", "/relative/path", "ftp://hooks.example.com/in", "file:///etc/passwd",
            "https://user:secret@hooks.example.com/in", "https://hooks.example.com/in#frag" })
    void malformedOrUnsafeFormsAreRefused(String url) {
        assertThatThrownBy(() -> policy.parse(url)).isInstanceOf(InvalidRequestException.class)
                .extracting(ex -> ((InvalidRequestException) ex).problems().get(0).field()).isEqualTo("url");
    }

    @Test
    void anExactlyListedHostMayBeInternalButAResolvedNameMayNot() {
        assertThat(policy.resolved(URI.create("http://127.0.0.1/in")).block()).isNotNull();
        assertThat(policy.resolved(URI.create("https://10.20.30.40/in")).block()).isNotNull();
        WebhookUrlPolicy wildcardOnly = new WebhookUrlPolicy(properties(List.of("*.localhost.test"), List.of()));
        assertThatThrownBy(() -> wildcardOnly.resolved(URI.create("https://127.0.0.1/in")).block())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("internal address");
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "0.0.0.0",
            "100.64.0.1", "::1", "fe80::1", "fd00:ec2::254", "224.0.0.1" })
    void internalAddressesAreRecognised(String address) throws Exception {
        assertThat(WebhookUrlPolicy.internal(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "8.8.8.8", "93.184.216.34", "2606:4700::1111", "100.128.0.1" })
    void publicAddressesAreNot(String address) throws Exception {
        assertThat(WebhookUrlPolicy.internal(InetAddress.getByName(address))).isFalse();
    }

    private void refused(String url, String rule) {
        assertThatThrownBy(() -> policy.parse(url)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(rule);
    }

    static WebhooksProperties properties(List<String> secure, List<String> insecure) {
        return new WebhooksProperties(secure, insecure, Duration.ofSeconds(5), Duration.ofHours(1),
                Duration.ofHours(24), Duration.ofSeconds(10), 4, Duration.ofHours(24), Duration.ofMillis(200),
                Duration.ofSeconds(30), 100);
    }
}
