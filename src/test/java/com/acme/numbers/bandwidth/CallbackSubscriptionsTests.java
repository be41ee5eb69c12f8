package com.acme.numbers.bandwidth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.util.unit.DataSize;

import com.acme.numbers.credentials.BandwidthCredentials;
import com.acme.numbers.credentials.Secret;
import com.acme.numbers.credentials.StaticCredentialVault;
import com.acme.numbers.ordering.AccountDefaults;

/** The callback subscriptions Bandwidth must keep, checked against a Bandwidth stand-in on loopback. */
class CallbackSubscriptionsTests {

    private static final String SUBSCRIPTIONS = "/api/accounts/" + BandwidthStub.OAUTH_ACCOUNT + "/subscriptions";
    private static final String OURS = "https://numbers.example.com/callbacks/bandwidth/accounts/"
            + BandwidthStub.OAUTH_ACCOUNT;

    @RegisterExtension
    static final BandwidthStub bandwidth = new BandwidthStub();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void missingSubscriptionsAreCreatedWithTheUrlExpiryAndLogin() {
        listAnswers("<SubscriptionsResponse><Subscriptions/></SubscriptionsResponse>");
        bandwidth.server.stubFor(post(urlPathEqualTo(SUBSCRIPTIONS)).willReturn(aResponse().withStatus(201)
                .withHeader("Location", "https://x/accounts/a/subscriptions/new-1")));

        keeper().checkAll().block();

        for (String type : new String[] { "orders", "disconnects" }) {
            bandwidth.server.verify(postRequestedFor(urlPathEqualTo(SUBSCRIPTIONS))
                    .withRequestBody(matchingXPath("/Subscription/OrderType[text()='" + type + "']"))
                    .withRequestBody(matchingXPath("/Subscription/CallbackSubscription/URL[text()='" + OURS + "']"))
                    .withRequestBody(matchingXPath("/Subscription/CallbackSubscription/Expiry[text()='43200']"))
                    .withRequestBody(matchingXPath("//BasicAuthentication/Username[text()='bw-callbacks']"))
                    .withRequestBody(matchingXPath("//BasicAuthentication/Password[text()='callback-password-5ec7']")));
        }
        assertThat(count("created")).isEqualTo(2);
    }

    @Test
    void aSubscriptionPointingElsewhereIsCorrectedAndCountedAsDrift() {
        listAnswers(list(entry("sub-o", "orders", "\"https://old.example.com/callbacks/bandwidth/accounts/"
                + BandwidthStub.OAUTH_ACCOUNT + "\"")));
        bandwidth.server.stubFor(put(urlPathEqualTo(SUBSCRIPTIONS + "/sub-o")).willReturn(aResponse().withStatus(200)));
        bandwidth.server.stubFor(post(urlPathEqualTo(SUBSCRIPTIONS)).willReturn(aResponse().withStatus(201)
                .withHeader("Location", "https://x/accounts/a/subscriptions/new-d")));

        keeper().checkAll().block();

        bandwidth.server.verify(putRequestedFor(urlPathEqualTo(SUBSCRIPTIONS + "/sub-o"))
                .withRequestBody(containing("<URL>" + OURS + "</URL>")));
        assertThat(count("drift")).isEqualTo(1);
        assertThat(count("corrected")).isEqualTo(1);
        assertThat(count("created")).isEqualTo(1);
    }

    @Test
    void aSubscriptionAsItShouldBeIsRenewedOnceAndThenLeftAlone() {
        listAnswers(list(entry("sub-o", "orders", OURS), entry("sub-d", "disconnects", OURS)));
        bandwidth.server.stubFor(put(urlPathEqualTo(SUBSCRIPTIONS + "/sub-o")).willReturn(aResponse().withStatus(200)));
        bandwidth.server.stubFor(put(urlPathEqualTo(SUBSCRIPTIONS + "/sub-d")).willReturn(aResponse().withStatus(200)));
        CallbackSubscriptions keeper = keeper();

        keeper.checkAll().block();
        keeper.checkAll().block();

        assertThat(count("renewed")).isEqualTo(2);
        assertThat(count("unchanged")).isEqualTo(2);
        assertThat(count("drift")).isZero();
        bandwidth.server.verify(0, postRequestedFor(urlPathEqualTo(SUBSCRIPTIONS)));
    }

    @Test
    void bandwidthsRefusalIsLoggedAndCountedNotThrown() {
        listAnswers("<SubscriptionsResponse><Subscriptions/></SubscriptionsResponse>");
        bandwidth.server.stubFor(post(urlPathEqualTo(SUBSCRIPTIONS)).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/xml").withBody("<SubscriptionResponse><ResponseStatus>"
                        + "<ErrorCode>16008</ErrorCode><Description>Duplicate</Description></ResponseStatus>"
                        + "</SubscriptionResponse>")));

        keeper().checkAll().block();

        assertThat(count("failed")).isEqualTo(2);
    }

    private void listAnswers(String xml) {
        bandwidth.server.stubFor(get(urlPathEqualTo(SUBSCRIPTIONS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/xml").withBody(xml)));
    }

    private static String list(String... entries) {
        return "<SubscriptionsResponse><Subscriptions>" + String.join("", entries)
                + "</Subscriptions></SubscriptionsResponse>";
    }

    private static String entry(String id, String type, String url) {
        return "<Subscription><SubscriptionId>" + id + "</SubscriptionId><OrderType>" + type + "</OrderType>"
                + "<CallbackSubscription><URL>" + url + "</URL><Expiry>43200</Expiry><CallbackCredentials>"
                + "<BasicAuthentication><Username>bw-callbacks</Username></BasicAuthentication>"
                + "</CallbackCredentials></CallbackSubscription></Subscription>";
    }

    private CallbackSubscriptions keeper() {
        Clock clock = Clock.systemUTC();
        BandwidthClient client = bandwidth.client(clock, Map.of(CallbacksProperties.LOGIN_ENTRY,
                new BandwidthCredentials.BasicCredentials("bw-callbacks", Secret.of("callback-password-5ec7"))));
        AccountDefaults accounts = new AccountDefaults() {
            @Override
            public Optional<String> siteId(String accountId) {
                return Optional.empty();
            }

            @Override
            public Optional<String> peerId(String accountId) {
                return Optional.empty();
            }

            @Override
            public Set<String> accounts() {
                return Set.of(BandwidthStub.OAUTH_ACCOUNT);
            }
        };
        CallbacksProperties properties = new CallbacksProperties(URI.create("https://numbers.example.com/"),
                Duration.ofHours(12), Duration.ofMinutes(15), DataSize.ofKilobytes(64));
        ObjectProvider<UnaryOperator<CallbacksProperties>> none = new StaticListableBeanFactory()
                .getBeanProvider(ResolvableType.forClassWithGenerics(
                        UnaryOperator.class, CallbacksProperties.class));
        return new CallbackSubscriptions(client, new CallbackLogin(
                new StaticCredentialVault(Map.of(CallbacksProperties.LOGIN_ENTRY,
                        new BandwidthCredentials.BasicCredentials("bw-callbacks", Secret.of("callback-password-5ec7"))))),
                accounts, properties, none, clock, meters);
    }

    private double count(String outcome) {
        var counter = meters.find("gateway.callbacks.subscriptions").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
