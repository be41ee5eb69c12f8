package com.acme.numbers.bandwidth;

import static com.acme.numbers.bandwidth.BandwidthStub.OAUTH_ACCOUNT;
import static com.acme.numbers.bandwidth.BandwidthStub.xml;
import static com.acme.numbers.support.Fixtures.read;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.acme.numbers.credentials.BandwidthCredentials.ClientCredentials;
import com.acme.numbers.credentials.Secret;
import com.acme.numbers.ordering.NumberSearch;
import com.acme.numbers.ordering.error.UpstreamFailureException;
import com.acme.numbers.ordering.model.SearchCriteria;
import com.acme.numbers.ordering.model.SearchResult;
import com.acme.numbers.support.MutableClock;

/** OAuth2 tokens: kept until a minute before they expire, fetched once for callers that need one together. */
class BandwidthTokenTests {

    private static final String SEARCH = "/api/accounts/" + OAUTH_ACCOUNT + "/availableNumbers";
    private static final String TOKEN_URL = "/oauth2/token";

    @RegisterExtension
    static final BandwidthStub stub = new BandwidthStub();

    private final MutableClock clock = new MutableClock();
    private BandwidthAdapter adapter;

    @BeforeEach
    void setUp() {
        adapter = stub.adapter(clock, Duration.ofSeconds(2), DataSize.ofMegabytes(1));
        stub.server.stubFor(get(urlPathEqualTo(SEARCH))
                .willReturn(xml(200, read(getClass(), "search-response-plain.xml"))));
    }

    @Test
    void aTokenIsKeptUntilAMinuteBeforeItExpiresAndThenRenewed() {
        tokens("first", "second");

        search();
        clock.advance(Duration.ofSeconds(3600 - 60 - 1));
        search();
        tokenFetches(1);
        searchesWith(2, "first");

        clock.advance(Duration.ofSeconds(1));
        search();
        search();

        tokenFetches(2);
        searchesWith(2, "second");
    }

    @Test
    void callersThatNeedATokenTogetherShareOneFetch() {
        slowToken("shared", 300);

        List<SearchResult> results = Flux.range(0, 5).flatMap(i -> adapter.search(OAUTH_ACCOUNT, criteria()))
                .collectList().block();

        assertThat(results).hasSize(5);
        tokenFetches(1);
        searchesWith(5, "shared");
    }

    @Test
    void aFailedFetchIsNotKeptAndTheNextCallFetchesAgain() {
        tokenAnswers(aResponse().withStatus(500), okJson(token("after-failure")));

        assertThatThrownBy(this::search).isInstanceOf(UpstreamFailureException.class);
        search();

        tokenFetches(2);
        searchesWith(1, "after-failure");
    }

    @Test
    void aCallerThatGivesUpWhileTheTokenIsFetchedDoesNotStrandTheNextOne() {
        slowToken("late", 400);

        assertThatThrownBy(() -> adapter.search(OAUTH_ACCOUNT, criteria()).timeout(Duration.ofMillis(50)).block())
                .hasCauseInstanceOf(TimeoutException.class);
        search();

        assertThat(stub.server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_URL)))).hasSizeBetween(1, 2);
        searchesWith(1, "late");
    }

    @Test
    void aTokenBandwidthRefusesIsDroppedAndTheCallRetriedOnceWithANewOne() {
        tokens("revoked", "fresh");
        stub.server.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer revoked")).willReturn(aResponse().withStatus(401)));

        search();

        tokenFetches(2);
        searchesWith(1, "revoked");
        searchesWith(1, "fresh");
    }

    @Test
    void aRotatedSecretGetsItsOwnTokenWhichReplacesTheOldOne() {
        AtomicReference<String> secret = new AtomicReference<>("secret-a");
        adapter = stub.adapter(clock, Duration.ofSeconds(2), DataSize.ofMegabytes(1),
                stub.guard(BandwidthStub.resilience(Duration.ofSeconds(10), 2), clock), accountId -> Mono.just(
                        new ClientCredentials(BandwidthStub.CLIENT_ID, Secret.of(secret.get()))));
        tokenFor("secret-a", "for-a");
        tokenFor("secret-b", "for-b");

        search();
        secret.set("secret-b");
        search();
        search();
        secret.set("secret-a");
        search();

        tokenFetchesWith(2, "secret-a");
        tokenFetchesWith(1, "secret-b");
        searchesWith(2, "for-a");
        searchesWith(2, "for-b");
    }

    /** The token endpoint answers {@code value}, valid for an hour, to the client sending {@code secret}. */
    private static void tokenFor(String secret, String value) {
        stub.server.stubFor(post(urlPathEqualTo(TOKEN_URL)).atPriority(1)
                .withHeader("Authorization", clientAuthorization(secret)).willReturn(okJson(token(value))));
    }

    private static void tokenFetchesWith(int count, String secret) {
        stub.server.verify(count, postRequestedFor(urlPathEqualTo(TOKEN_URL))
                .withHeader("Authorization", clientAuthorization(secret)));
    }

    /** The token request's {@code Authorization} header of the stub's client when it holds {@code secret}. */
    private static StringValuePattern clientAuthorization(String secret) {
        return equalTo(BandwidthStub.basic(BandwidthStub.CLIENT_ID, secret));
    }

    /** The token endpoint answers {@code first}, then {@code second}, each valid for an hour. */
    private static void tokens(String first, String second) {
        tokenAnswers(okJson(token(first)), okJson(token(second)));
    }

    /** The token endpoint answers {@code value}, valid for an hour, after {@code delayMillis}. */
    private static void slowToken(String value, int delayMillis) {
        stub.server.stubFor(post(urlPathEqualTo(TOKEN_URL)).atPriority(1).willReturn(okJson(token(value))
                .withFixedDelay(delayMillis)));
    }

    /** The token endpoint's first answer, then the one it gives from then on. */
    private static void tokenAnswers(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        stub.server.stubFor(post(urlPathEqualTo(TOKEN_URL)).atPriority(1).inScenario("tokens")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("answered").willReturn(first));
        stub.server.stubFor(post(urlPathEqualTo(TOKEN_URL)).atPriority(1).inScenario("tokens")
                .whenScenarioStateIs("answered").willReturn(then));
    }

    private static String token(String value) {
        return "{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
    }

    private static void searchesWith(int count, String token) {
        stub.server.verify(count, getRequestedFor(urlPathEqualTo(SEARCH))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    private static void tokenFetches(int count) {
        stub.server.verify(count, postRequestedFor(urlPathEqualTo(TOKEN_URL)));
    }

    private void search() {
        adapter.search(OAUTH_ACCOUNT, criteria()).block();
    }

    private static NumberSearch criteria() {
        return new NumberSearch(new SearchCriteria("919", null, null, null, null, null, null, null, null, null, null,
                null), 2, false, null, null, null);
    }
}
