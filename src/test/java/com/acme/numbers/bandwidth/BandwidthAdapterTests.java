package com.acme.numbers.bandwidth;

import static com.acme.numbers.bandwidth.BandwidthStub.BASIC_ACCOUNT;
import static com.acme.numbers.bandwidth.BandwidthStub.OAUTH_ACCOUNT;
import static com.acme.numbers.bandwidth.BandwidthStub.xml;
import static com.acme.numbers.support.Fixtures.compactXml;
import static com.acme.numbers.support.Fixtures.read;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.util.unit.DataSize;

import com.acme.numbers.ordering.NumberSearch;
import com.acme.numbers.ordering.error.AccountNotFoundException;
import com.acme.numbers.ordering.error.NotFoundException;
import com.acme.numbers.ordering.error.NumberUnavailableException;
import com.acme.numbers.ordering.error.RequestRejectedException;
import com.acme.numbers.ordering.error.UpstreamFailureException;
import com.acme.numbers.ordering.error.UpstreamThrottledException;
import com.acme.numbers.ordering.error.UpstreamTimeoutException;
import com.acme.numbers.ordering.model.Disconnect;
import com.acme.numbers.ordering.model.DisconnectMode;
import com.acme.numbers.ordering.model.NewDisconnect;
import com.acme.numbers.ordering.model.NewOrder;
import com.acme.numbers.ordering.model.NumberDetails;
import com.acme.numbers.ordering.model.NumberOrder;
import com.acme.numbers.ordering.model.NumberSelection;
import com.acme.numbers.ordering.model.OrderPage;
import com.acme.numbers.ordering.model.OrderQuery;
import com.acme.numbers.ordering.model.OrderStatus;
import com.acme.numbers.ordering.model.PhoneNumber;
import com.acme.numbers.ordering.model.Reservation;
import com.acme.numbers.ordering.model.SearchCriteria;
import com.acme.numbers.ordering.model.SearchResult;
import com.acme.numbers.ordering.model.SelectionType;

/** The adapter against a real HTTP stub: exact XML sent, exact domain values read, every failure translated. */
class BandwidthAdapterTests {

    private static final String RESERVATION_ID = "2489a0b4-6d1f-4c2e-9a7b-3f5e1c0d8a21";

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final String API = "/api/accounts/" + OAUTH_ACCOUNT;
    @RegisterExtension
    static final BandwidthStub stub = new BandwidthStub();

    private BandwidthAdapter adapter;

    @BeforeEach
    void setUp() {
        adapter = stub.adapter(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(800), DataSize.ofMegabytes(1));
    }

    @Test
    void searchSendsBandwidthParameterNamesAndReadsPlainList() {
        stub.server.stubFor(get(urlPathEqualTo(API + "/availableNumbers"))
                .willReturn(xml(200, read(getClass(), "search-response-plain.xml"))));
        SearchCriteria criteria = new SearchCriteria(null, "919555", null, null, null, null, null, null, null, null,
                null, null);

        SearchResult result = adapter.search(OAUTH_ACCOUNT,
                new NumberSearch(criteria, 2, false, false, "fullNumber", "MIXED")).block();

        assertThat(result.numbers()).extracting(n -> n.phoneNumber().e164())
                .containsExactly("+19195550101", "+19195550102");
        assertThat(result.numbers().get(0).city()).isNull();
        stub.server.verify(getRequestedFor(urlPathEqualTo(API + "/availableNumbers"))
                .withQueryParam("npaNxx", equalTo("919555")).withQueryParam("quantity", equalTo("2"))
                .withQueryParam("LCA", equalTo("false")).withQueryParam("orderBy", equalTo("fullNumber"))
                .withQueryParam("protected", equalTo("MIXED")));
        LoggedRequest sent = stub.server.findAll(getRequestedFor(urlPathEqualTo(API + "/availableNumbers"))).get(0);
        assertThat(sent.getQueryParams()).doesNotContainKey("enableTNDetail");
    }

    @Test
    void searchWithDetailsAsksForTnDetailAndReadsEveryField() {
        stub.server.stubFor(get(urlPathEqualTo(API + "/availableNumbers"))
                .willReturn(xml(200, read(getClass(), "search-response-details.xml"))));

        SearchResult result = adapter.search(OAUTH_ACCOUNT, search("919", true)).block();

        assertThat(result.count()).isEqualTo(1);
        assertThat(result.numbers().get(0)).satisfies(n -> {
            assertThat(n.phoneNumber().e164()).isEqualTo("+19195550101");
            assertThat(n.rateCenter()).isEqualTo("RALEIGH");
            assertThat(n.lata()).isEqualTo("426");
            assertThat(n.vendorName()).isEqualTo("Bandwidth CLEC");
            assertThat(n.tier()).isEqualTo("0");
        });
        stub.server.verify(getRequestedFor(urlPathEqualTo(API + "/availableNumbers"))
                .withQueryParam("areaCode", equalTo("919")).withQueryParam("enableTNDetail", equalTo("true")));
    }

    @Test
    void emptySearchResultIsAnEmptyList() {
        stub.server.stubFor(get(urlPathEqualTo(API + "/availableNumbers"))
                .willReturn(xml(200, read(getClass(), "search-response-empty.xml"))));

        assertThat(adapter.search(OAUTH_ACCOUNT, search("919", false)).block().numbers()).isEmpty();
    }

    @Test
    void searchErrorCarrierIsARejectionOnA400AndInsideA200() {
        String body = read(getClass(), "search-response-error-4010.xml");
        stub.server.stubFor(get(urlPathEqualTo(API + "/availableNumbers")).willReturn(xml(400, body)));
        assertThatThrownBy(() -> adapter.search(OAUTH_ACCOUNT, search("919", false)).block())
                .isInstanceOf(RequestRejectedException.class)
                .satisfies(ex -> assertThat(((RequestRejectedException) ex).upstreamCode()).isEqualTo("4010"));

        stub.server.stubFor(get(urlPathEqualTo(API + "/availableNumbers")).willReturn(xml(200, body)));
        assertThatThrownBy(() -> adapter.search(OAUTH_ACCOUNT, search("919", false)).block())
                .isInstanceOf(RequestRejectedException.class).hasMessageContaining("required search parameters");
    }

    @Test
    void oauthTokenIsFetchedOnceWithClientCredentialsAndSentAsBearer() {
        stub.server.stubFor(get(urlPathEqualTo(API + "/availableNumbers"))
                .willReturn(xml(200, read(getClass(), "search-response-plain.xml"))));

        adapter.search(OAUTH_ACCOUNT, search("919", false)).block();
        adapter.search(OAUTH_ACCOUNT, search("919", false)).block();

        stub.server.verify(1, postRequestedFor(urlPathEqualTo("/oauth2/token"))
                .withHeader("Authorization", equalTo(BandwidthStub.basic(BandwidthStub.CLIENT_ID,
                        BandwidthStub.CLIENT_SECRET)))
                .withRequestBody(equalTo("grant_type=client_credentials")));
        stub.server.verify(2, getRequestedFor(urlPathEqualTo(API + "/availableNumbers"))
                .withHeader("Authorization", equalTo("Bearer " + BandwidthStub.TOKEN)));
    }

    @Test
    void legacyAccountsUseBasicAuthAndNoToken() {
        stub.server.stubFor(get(urlPathEqualTo("/api/accounts/" + BASIC_ACCOUNT + "/availableNumbers"))
                .willReturn(xml(200, read(getClass(), "search-response-plain.xml"))));

        adapter.search(BASIC_ACCOUNT, search("919", false)).block();

        stub.server.verify(getRequestedFor(urlPathEqualTo("/api/accounts/" + BASIC_ACCOUNT + "/availableNumbers"))
                .withHeader("Authorization", equalTo(BandwidthStub.basic(BandwidthStub.USERNAME,
                        BandwidthStub.PASSWORD))));
        stub.server.verify(0, postRequestedFor(urlPathEqualTo("/oauth2/token")));
    }

    @Test
    void accountWithoutCredentialsIsUnknownAndNothingIsSent() {
        assertThatThrownBy(() -> adapter.search("acct-unknown", search("919", false)).block())
                .isInstanceOf(AccountNotFoundException.class);
        stub.server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void reservationIdComesFromLocationAndTheReservationIsReadBack() {
        stub.server.stubFor(post(urlPathEqualTo(API + "/tnreservation")).willReturn(aResponse().withStatus(201)
                .withHeader("Location", stub.url(API + "/tnreservation/" + RESERVATION_ID))));
        stub.server.stubFor(get(urlPathEqualTo(API + "/tnreservation/" + RESERVATION_ID))
                .willReturn(xml(200, read(getClass(), "reservation-response.xml"))));

        Reservation reservation = adapter.reserve(OAUTH_ACCOUNT, PhoneNumber.parse("9195550101")).block();

        assertThat(reservation.id()).isEqualTo(RESERVATION_ID);
        assertThat(reservation.phoneNumber().e164()).isEqualTo("+19195550101");
        assertThat(reservation.expiresInSeconds()).isEqualTo(14390);
        assertThat(reservation.expiresAt()).isEqualTo(NOW.plusSeconds(14390));
        String sent = stub.server.findAll(postRequestedFor(urlPathEqualTo(API + "/tnreservation"))).get(0)
                .getBodyAsString();
        assertThat(compactXml(sent)).isEqualTo("<Reservation><ReservedTn>9195550101</ReservedTn></Reservation>");
    }

    /* The number is held once the POST succeeded: a read of the hold that fails must not report it as not held. */
    @Test
    void aHoldWhoseDetailsCannotBeReadIsStillAHold() {
        stub.server.stubFor(post(urlPathEqualTo(API + "/tnreservation")).willReturn(aResponse().withStatus(201)
                .withHeader("Location", stub.url(API + "/tnreservation/" + RESERVATION_ID))));
        stub.server.stubFor(get(urlPathEqualTo(API + "/tnreservation/" + RESERVATION_ID))
                .willReturn(aResponse().withStatus(503)));

        Reservation held = adapter.reserve(OAUTH_ACCOUNT, PhoneNumber.parse("9195550101")).block();

        assertThat(held.id()).isEqualTo(RESERVATION_ID);
        assertThat(held.phoneNumber()).isEqualTo(PhoneNumber.parse("9195550101"));
        assertThat(held.expiresAt()).isNull();
        stub.server.verify(1, postRequestedFor(urlPathEqualTo(API + "/tnreservation")));
    }

    @Test
    void unavailableNumberReservationIs5041() {
        stub.server.stubFor(post(urlPathEqualTo(API + "/tnreservation"))
                .willReturn(xml(400, read(getClass(), "reservation-error-5041.xml"))));

        assertThatThrownBy(() -> adapter.reserve(OAUTH_ACCOUNT, PhoneNumber.parse("9195550101")).block())
                .isInstanceOf(NumberUnavailableException.class).hasMessageContaining("not available")
                .satisfies(ex -> assertThat(((NumberUnavailableException) ex).upstreamCode()).isEqualTo("5041"));
    }

    @Test
    void releasingAReservationSendsDelete() {
        stub.server.stubFor(delete(urlPathEqualTo(API + "/tnreservation/" + RESERVATION_ID)).willReturn(aResponse().withStatus(200)));

        adapter.release(OAUTH_ACCOUNT, RESERVATION_ID).block();

        stub.server.verify(deleteRequestedFor(urlPathEqualTo(API + "/tnreservation/" + RESERVATION_ID)));
    }

    @ParameterizedTest
    @EnumSource(SelectionType.class)
    void everySelectionTypeIsSentAsTheExactBandwidthOrderType(SelectionType type) {
        stub.server.stubFor(post(urlPathEqualTo(API + "/orders"))
                .willReturn(xml(201, read(getClass(), "order-response-received.xml"))));

        NumberOrder order = adapter.place(OAUTH_ACCOUNT, order(type)).block();

        assertThat(order.id()).isEqualTo("order-1");
        assertThat(order.status()).isEqualTo(OrderStatus.RECEIVED);
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2026-11-28T10:00:00.123Z"));
        String sent = stub.server.findAll(postRequestedFor(urlPathEqualTo(API + "/orders"))).get(0).getBodyAsString();
        String fixture = "order-request-" + type.name().toLowerCase().replace('_', '-') + ".xml";
        assertThat(compactXml(sent)).isEqualTo(compactXml(read(getClass(), fixture)));
        stub.server.verify(postRequestedFor(urlPathEqualTo(API + "/orders"))
                .withHeader("Content-Type", equalTo("application/xml")));
    }

    @Test
    void partialOrderAnsweredWith200KeepsEveryPerNumberError() {
        stub.server.stubFor(get(urlPathEqualTo(API + "/orders/order-1"))
                .willReturn(xml(200, read(getClass(), "order-response-partial.xml"))));

        NumberOrder order = adapter.order(OAUTH_ACCOUNT, "order-1").block();

        assertThat(order.status()).isEqualTo(OrderStatus.PARTIAL);
        assertThat(order.completedNumbers()).extracting(PhoneNumber::e164).containsExactly("+19195550101");
        assertThat(order.failedNumbers()).extracting(PhoneNumber::e164).containsExactly("+19195550102");
        assertThat(order.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("5005");
            assertThat(e.phoneNumber().e164()).isEqualTo("+19195550102");
        });
        assertThat(order.summary()).isEqualTo("1 out of 2 numbers ordered in (919)");
        assertThat(order.completedAt()).isEqualTo(Instant.parse("2026-11-28T10:00:02.500Z"));
        assertThat(order.peerId()).isEqualTo("500001");
    }

    @Test
    void invalidSiteIsARejectionWithBandwidthsCodeAndText() {
        stub.server.stubFor(post(urlPathEqualTo(API + "/orders"))
                .willReturn(xml(400, read(getClass(), "order-error-5016.xml"))));

        assertThatThrownBy(() -> adapter.place(OAUTH_ACCOUNT, order(SelectionType.AREA_CODE)).block())
                .isInstanceOf(RequestRejectedException.class).hasMessage("The SiteId submitted is invalid.")
                .satisfies(ex -> assertThat(((RequestRejectedException) ex).upstreamCode()).isEqualTo("5016"));
    }

    @Test
    void unknownOrderIsNotFound() {
        stub.server.stubFor(get(urlPathEqualTo(API + "/orders/nope"))
                .willReturn(xml(404, read(getClass(), "error-response-404.xml"))));

        assertThatThrownBy(() -> adapter.order(OAUTH_ACCOUNT, "nope").block()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void orderListSendsFiltersAndReadsTheNextPageKey() {
        stub.server.stubFor(get(urlPathEqualTo(API + "/orders"))
                .willReturn(xml(200, read(getClass(), "order-list-page.xml"))));

        OrderPage page = adapter.orders(OAUTH_ACCOUNT, new OrderQuery(OrderStatus.COMPLETE, "ticket-1",
                LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-28"), 2, "1")).block();

        assertThat(page.totalCount()).isEqualTo(3);
        assertThat(page.nextPage()).isEqualTo("order-3");
        assertThat(page.orders()).extracting(o -> o.id() + ":" + o.status() + ":" + o.phoneNumberCount())
                .containsExactly("order-1:COMPLETE:2", "order-2:FAILED:0");
        stub.server.verify(getRequestedFor(urlPathEqualTo(API + "/orders")).withQueryParam("page", equalTo("1"))
                .withQueryParam("size", equalTo("2")).withQueryParam("status", equalTo("complete"))
                .withQueryParam("customerOrderId", equalTo("ticket-1"))
                .withQueryParam("startdate", equalTo("2026-11-01")).withQueryParam("enddate", equalTo("2026-11-28")));
    }

    @Test
    void orderListWithNoMatchIsAnEmptyPage() {
        stub.server.stubFor(get(urlPathEqualTo(API + "/orders"))
                .willReturn(xml(404, read(getClass(), "error-response-404.xml"))));

        OrderPage page = adapter.orders(OAUTH_ACCOUNT, new OrderQuery(null, null, null, null, 20, "1")).block();

        assertThat(page.orders()).isEmpty();
        assertThat(page.nextPage()).isNull();
    }

    @Test
    void disconnectIsSentAsBandwidthXmlAndPartialResultsAreRead() {
        String response = read(getClass(), "disconnect-response-partial.xml");
        stub.server.stubFor(post(urlPathEqualTo(API + "/disconnects")).willReturn(xml(201, response)
                .withHeader("Location", stub.url(API + "/disconnects/disc-1"))));
        stub.server.stubFor(get(urlPathEqualTo(API + "/disconnects/disc-1")).willReturn(xml(200, response)));
        NewDisconnect request = new NewDisconnect("Release support line", "ticket-2",
                List.of(PhoneNumber.parse("9195550101"), PhoneNumber.parse("9195550102")), DisconnectMode.NORMAL);

        Disconnect created = adapter.disconnect(OAUTH_ACCOUNT, request).block();
        Disconnect read = adapter.disconnectOrder(OAUTH_ACCOUNT, "disc-1").block();

        String sent = stub.server.findAll(postRequestedFor(urlPathEqualTo(API + "/disconnects"))).get(0)
                .getBodyAsString();
        assertThat(compactXml(sent)).isEqualTo(compactXml(read(getClass(), "disconnect-request.xml")));
        assertThat(created.id()).isEqualTo("disc-1");
        assertThat(read.status()).isEqualTo(OrderStatus.PARTIAL);
        assertThat(read.disconnectedNumbers()).extracting(PhoneNumber::e164).containsExactly("+19195550101");
        assertThat(read.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("5006"));
        assertThat(read.name()).isEqualTo("Release support line");
    }

    @Test
    void numberDetailsAreReadFromTnDetailsAndOtherAccountsNumbersAreNotFound() {
        stub.server.stubFor(get(urlPathEqualTo("/api/tns/9195550101/tndetails"))
                .willReturn(xml(200, read(getClass(), "tn-details.xml"))));

        NumberDetails details = adapter.details(OAUTH_ACCOUNT, PhoneNumber.parse("9195550101")).block();

        assertThat(details.status()).isEqualTo("Inservice");
        assertThat(details.siteId()).isEqualTo("1001");
        assertThat(details.peerId()).isEqualTo("500001");
        assertThat(details.lata()).isEqualTo("426");
        assertThat(details.inServiceDate()).isEqualTo(Instant.parse("2026-11-28T10:00:02.500Z"));
        assertThatThrownBy(() -> adapter.details(BASIC_ACCOUNT, PhoneNumber.parse("9195550101")).block())
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void throttlingKeepsTheTimeUntilBandwidthsReset() {
        stub.server.stubFor(get(urlPathEqualTo(API + "/availableNumbers")).willReturn(aResponse().withStatus(429)
                .withHeader("X-RateLimit-Reset", Long.toString(NOW.plusSeconds(20).getEpochSecond()))));

        assertThatThrownBy(() -> adapter.search(OAUTH_ACCOUNT, search("919", false)).block())
                .isInstanceOf(UpstreamThrottledException.class)
                .satisfies(ex -> assertThat(((UpstreamThrottledException) ex).retryAfter())
                        .isEqualTo(Duration.ofSeconds(20)));
    }

    @Test
    void authServerAndUnreadableAnswersAreUpstreamFailures() {
        for (int status : new int[] { 401, 403, 500, 503 }) {
            // a fresh adapter each time: four failures in a row would rightly open the breaker
            BandwidthAdapter fresh = stub.adapter(Clock.systemUTC(), Duration.ofSeconds(1), DataSize.ofMegabytes(1));
            stub.server.stubFor(get(urlPathEqualTo(API + "/orders/o")).willReturn(aResponse().withStatus(status)));
            assertThatThrownBy(() -> fresh.order(OAUTH_ACCOUNT, "o").block())
                    .as("HTTP %d", status).isInstanceOf(UpstreamFailureException.class);
        }
        stub.server.stubFor(get(urlPathEqualTo(API + "/orders/o")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>maintenance</body")));
        assertThatThrownBy(() -> adapter.order(OAUTH_ACCOUNT, "o").block()).isInstanceOf(UpstreamFailureException.class);
    }

    @Test
    void doctypeInAnUpstreamBodyIsRefusedAndNothingIsExpanded() {
        stub.server.stubFor(get(urlPathEqualTo(API + "/availableNumbers"))
                .willReturn(xml(200, read(getClass(), "search-response-doctype.xml"))));

        assertThatThrownBy(() -> adapter.search(OAUTH_ACCOUNT, search("919", false)).block())
                .isInstanceOf(UpstreamFailureException.class).hasMessageNotContaining("hostname");
    }

    @Test
    void rotatedCredentialsAreReadAgainOnceAfterA401() {
        RotatingVault vault = new RotatingVault();
        BandwidthAdapter rotating = stub.adapter(Clock.systemUTC(), Duration.ofSeconds(1), DataSize.ofMegabytes(1),
                stub.guard(BandwidthStub.resilience(Duration.ofSeconds(5), 1), Clock.systemUTC()), vault);
        stub.server.stubFor(get(urlPathEqualTo("/api/accounts/" + BASIC_ACCOUNT + "/orders/o")).atPriority(10)
                .willReturn(aResponse().withStatus(401)));
        stub.server.stubFor(get(urlPathEqualTo("/api/accounts/" + BASIC_ACCOUNT + "/orders/o")).atPriority(1)
                .withHeader("Authorization", equalTo(BandwidthStub.basic("user", "new")))
                .willReturn(xml(200, read(getClass(), "order-response-partial.xml"))));

        assertThat(rotating.order(BASIC_ACCOUNT, "o").block().id()).isEqualTo("order-1");
        assertThat(vault.invalidations).isEqualTo(1);

        vault.next = "still-wrong";
        vault.current = "still-wrong";
        assertThatThrownBy(() -> rotating.order(BASIC_ACCOUNT, "o").block())
                .isInstanceOf(UpstreamFailureException.class);
        assertThat(vault.invalidations).as("exactly one re-read per call").isEqualTo(2);
        stub.server.verify(4, getRequestedFor(urlPathEqualTo("/api/accounts/" + BASIC_ACCOUNT + "/orders/o")));
    }

    /** A vault whose password changes when it is told to forget the old one, like a rotation in Vault. */
    static final class RotatingVault implements com.acme.numbers.credentials.CredentialVault {
        volatile String current = "old";
        volatile String next = "new";
        volatile int invalidations;

        @Override
        public reactor.core.publisher.Mono<com.acme.numbers.credentials.BandwidthCredentials> credentialsFor(
                String accountId) {
            return reactor.core.publisher.Mono.just(new com.acme.numbers.credentials.BandwidthCredentials
                    .BasicCredentials("user", com.acme.numbers.credentials.Secret.of(current)));
        }

        @Override
        public void invalidate(String accountId) {
            invalidations++;
            current = next;
        }
    }

    @Test
    void hostileBodiesFailFastAsUpstreamFailures() {
        String deep = "<SearchResult>" + "<a>".repeat(2000) + "</a>".repeat(2000) + "</SearchResult>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
                + "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><SearchResult><ResultCount>&lol2;"
                + "</ResultCount></SearchResult>";
        String longText = "<SearchResult><TelephoneNumberList><TelephoneNumber>" + "9".repeat(200_000)
                + "</TelephoneNumber></TelephoneNumberList></SearchResult>";
        for (String body : List.of(deep, laughs, longText)) {
            stub.server.stubFor(get(urlPathEqualTo(API + "/availableNumbers")).willReturn(xml(200, body)));
            long start = System.nanoTime();
            assertThatThrownBy(() -> adapter.search(OAUTH_ACCOUNT, search("919", false)).block())
                    .isInstanceOf(UpstreamFailureException.class).hasMessageNotContaining("lol");
            // an expanded or fully built document would take minutes or run out of memory: seconds is generous
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void slowUpstreamIsATimeout() {
        stub.server.stubFor(get(urlPathEqualTo(API + "/orders/slow"))
                .willReturn(xml(200, read(getClass(), "order-response-partial.xml")).withFixedDelay(2500)));

        assertThatThrownBy(() -> adapter.order(OAUTH_ACCOUNT, "slow").block())
                .isInstanceOf(UpstreamTimeoutException.class);
    }

    @Test
    void redirectsAreNeverFollowed() {
        stub.server.stubFor(get(urlPathEqualTo(API + "/orders/moved")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", stub.url("/elsewhere"))));

        assertThatThrownBy(() -> adapter.order(OAUTH_ACCOUNT, "moved").block())
                .isInstanceOf(UpstreamFailureException.class);
        stub.server.verify(0, getRequestedFor(urlPathEqualTo("/elsewhere")));
    }

    @Test
    void oversizedAnswerIsAnUpstreamFailure() {
        BandwidthAdapter small = stub.adapter(Clock.systemUTC(), Duration.ofSeconds(1), DataSize.ofBytes(256));
        stub.server.stubFor(get(urlPathEqualTo(API + "/orders/big"))
                .willReturn(xml(200, read(getClass(), "order-response-partial.xml"))));

        assertThatThrownBy(() -> small.order(OAUTH_ACCOUNT, "big").block())
                .isInstanceOf(UpstreamFailureException.class).hasMessageContaining("too large");
    }

    @Test
    void callerValuesCannotChangeTheUpstreamPath() {
        stub.server.stubFor(get(anyUrl()).willReturn(xml(404, read(getClass(), "error-response-404.xml"))));

        assertThatThrownBy(() -> adapter.order(OAUTH_ACCOUNT, "../../tns/9195550101").block())
                .isInstanceOf(NotFoundException.class);

        String url = stub.server.findAll(getRequestedFor(anyUrl())).get(0).getUrl();
        assertThat(url).startsWith(API + "/orders/").contains("%2F");
    }

    @Test
    void callerValuesCannotChangeTheUpstreamQuery() {
        stub.server.stubFor(get(urlPathEqualTo(API + "/orders"))
                .willReturn(xml(200, read(getClass(), "order-list-page.xml"))));

        adapter.orders(OAUTH_ACCOUNT, new OrderQuery(null, "a&size=5000#x y%2F{z}", null, null, 2, "page/1?")).block();

        String url = stub.server.findAll(getRequestedFor(urlPathEqualTo(API + "/orders"))).get(0).getUrl();
        assertThat(url).doesNotContain("#").doesNotContain(" ").doesNotContain("{");
        stub.server.verify(getRequestedFor(urlPathEqualTo(API + "/orders"))
                .withQueryParam("customerOrderId", equalTo("a&size=5000#x y%2F{z}"))
                .withQueryParam("size", equalTo("2")).withQueryParam("page", equalTo("page/1?")));
    }

    private static NumberSearch search(String areaCode, boolean details) {
        return new NumberSearch(new SearchCriteria(areaCode, null, null, null, null, null, null, null, null, null,
                null, null), 2, details, null, null, null);
    }

    /** The order the request fixtures were written for; see order-request-*.xml. */
    private static NewOrder order(SelectionType type) {
        SearchCriteria c = new SearchCriteria("919", "919555", "9195551", "RALEIGH", "NC", "Raleigh", "27606", "426",
                "CAFE", true, "FLOWERS", "8**");
        NumberSelection selection = type == SelectionType.PHONE_NUMBERS
                ? new NumberSelection(type, List.of(PhoneNumber.parse("9195550101")), List.of(RESERVATION_ID), null, null,
                        null)
                : new NumberSelection(type, List.of(), List.of(), c, 2, true);
        return new NewOrder("Support line", "1001", "500001", "ticket-1", true, false,
                type == SelectionType.AREA_CODE, selection);
    }
}
