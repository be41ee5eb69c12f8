package com.acme.numbers.bandwidth;

import static com.acme.numbers.bandwidth.BandwidthStub.BASIC_ACCOUNT;
import static com.acme.numbers.bandwidth.BandwidthStub.OAUTH_ACCOUNT;
import static com.acme.numbers.bandwidth.BandwidthStub.xml;
import static com.acme.numbers.support.Fixtures.read;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.Counter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

import com.acme.numbers.ordering.NumberSearch;
import com.acme.numbers.ordering.error.UpstreamFailureException;
import com.acme.numbers.ordering.model.SearchCriteria;

/** Operators learn which accounts still use an API user that Bandwidth decommissions on 2026-12-02. */
@ExtendWith(OutputCaptureExtension.class)
class LegacyApiUserReporterTests {

    private static final String ANNOUNCED = "Account " + BASIC_ACCOUNT + " authenticates to Bandwidth with a legacy";
    private static final String REFUSED = "Bandwidth refused the legacy API user of account " + BASIC_ACCOUNT;
    private static final String REMEDY = "give it OAuth2 client credentials (client-id and client-secret) instead";

    @RegisterExtension
    static final BandwidthStub stub = new BandwidthStub();

    @Test
    void aLegacyAccountIsAnnouncedOnceAndCountedPerCallAndOAuthAccountsAreNot(CapturedOutput output) {
        BandwidthAdapter adapter = adapterOn("2026-11-28T10:00:00Z");
        answerSearches(BASIC_ACCOUNT);
        answerSearches(OAUTH_ACCOUNT);

        double before = legacyCalls(BASIC_ACCOUNT);

        adapter.search(BASIC_ACCOUNT, search()).block();
        adapter.search(BASIC_ACCOUNT, search()).block();
        adapter.search(OAUTH_ACCOUNT, search()).block();

        assertThat(legacyCalls(BASIC_ACCOUNT) - before).isEqualTo(2);
        assertThat(stub.meters.find("bandwidth.legacy.auth.calls").tag("account", OAUTH_ACCOUNT).counter()).isNull();
        assertThat(output.getOut()).containsOnlyOnce(ANNOUNCED)
                .contains("WARN", "which Bandwidth decommissions on 2026-12-02: " + REMEDY)
                .doesNotContain("Account " + OAUTH_ACCOUNT, BandwidthStub.PASSWORD, BandwidthStub.USERNAME);
    }

    @Test
    void afterTheDecommissionDateARefusedLegacyUserIsNamedAsTheCause(CapturedOutput output) {
        refusedLegacySearchOn("2026-12-02T00:00:00Z");

        assertThat(output.getOut()).contains("which Bandwidth decommissioned on 2026-12-02")
                .containsOnlyOnce(REFUSED + "; Bandwidth decommissioned legacy API users on 2026-12-02: " + REMEDY)
                .doesNotContain(BandwidthStub.PASSWORD);
    }

    @Test
    void beforeTheDecommissionDateARefusalIsNotBlamedOnIt(CapturedOutput output) {
        refusedLegacySearchOn("2026-12-01T23:59:59Z");

        assertThat(output.getOut()).contains(ANNOUNCED, "which Bandwidth decommissions on").doesNotContain(REFUSED);
    }

    private static double legacyCalls(String account) {
        Counter counter = stub.meters.find("bandwidth.legacy.auth.calls").tag("account", account).counter();
        return counter == null ? 0 : counter.count();
    }

    private static BandwidthAdapter adapterOn(String instant) {
        return stub.adapter(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), Duration.ofSeconds(1),
                DataSize.ofMegabytes(1));
    }

    private void answerSearches(String account) {
        stub.server.stubFor(get(urlPathEqualTo("/api/accounts/" + account + "/availableNumbers"))
                .willReturn(xml(200, read(getClass(), "search-response-plain.xml"))));
    }

    /** Bandwidth refuses the legacy account's API user on that day: the search fails as an upstream failure. */
    private static void refusedLegacySearchOn(String instant) {
        BandwidthAdapter adapter = adapterOn(instant);
        stub.server.stubFor(get(urlPathEqualTo("/api/accounts/" + BASIC_ACCOUNT + "/availableNumbers"))
                .willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> adapter.search(BASIC_ACCOUNT, search()).block())
                .isInstanceOf(UpstreamFailureException.class);
    }

    private static NumberSearch search() {
        return new NumberSearch(new SearchCriteria("919", null, null, null, null, null, null, null, null, null, null,
                null), 2, false, null, null, null);
    }
}
