package com.acme.numbers.bandwidth;

import static com.acme.numbers.support.Fixtures.readShared;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.acme.numbers.bandwidth.mapping.BandwidthMapper;
import com.acme.numbers.bandwidth.mapping.OrderMapper;
import com.acme.numbers.bandwidth.xml.DisconnectXml;
import com.acme.numbers.bandwidth.xml.EnvelopeXml;
import com.acme.numbers.bandwidth.xml.ErrorXml;
import com.acme.numbers.bandwidth.xml.OrderListXml;
import com.acme.numbers.bandwidth.xml.OrderResponseXml;
import com.acme.numbers.bandwidth.xml.OrderXml;
import com.acme.numbers.bandwidth.xml.ReservationXml;
import com.acme.numbers.bandwidth.xml.SearchResultXml;
import com.acme.numbers.bandwidth.xml.TelephoneNumberListXml;
import com.acme.numbers.bandwidth.xml.TnDetailsXml;
import com.acme.numbers.ordering.model.NumberOrder;
import com.acme.numbers.ordering.model.OrderStatus;
import com.acme.numbers.ordering.model.SearchResult;
import com.acme.numbers.support.Fixtures;

/**
 * Parses the real Bandwidth payloads in {@code ../shared/bandwidth-xml} through the adapter's XML types, so a
 * wrong element name in our mapping fails here, against the truth (skipped when that folder is absent).
 */
class BandwidthConformanceTests {

    @Test
    void everyRealPayloadIsReadableAsXmlByTheAdapter() throws IOException {
        Path dir = Fixtures.sharedBandwidthXml();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> xml = files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
            assertThat(xml).hasSizeGreaterThanOrEqualTo(41);
            for (Path file : xml) {
                EnvelopeXml envelope = BandwidthXml.read(Files.readString(file), EnvelopeXml.class);
                assertThat(envelope).as(file.getFileName().toString()).isNotNull();
            }
        }
    }

    /** The adapter parses an envelope only when its text may hold a carrier: no real error may slip past that. */
    @Test
    void everyRealErrorIsSeenByTheCheapPreCheck() throws IOException {
        Path dir = Fixtures.sharedBandwidthXml();
        int errors = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                String body = Files.readString(file);
                if (BandwidthXml.read(body, EnvelopeXml.class).firstError() != null) {
                    errors++;
                    assertThat(EnvelopeXml.mayCarryError(body)).as(file.getFileName().toString()).isTrue();
                }
            }
        }
        assertThat(errors).as("real error answers among the samples").isGreaterThanOrEqualTo(4);
        assertThat(EnvelopeXml.mayCarryError(readShared("search-result-basic.xml"))).isFalse();
    }

    @Test
    void searchResults() {
        SearchResult basic = BandwidthMapper.searchResult(
                BandwidthXml.read(readShared("search-result-basic.xml"), SearchResultXml.class));
        assertThat(basic.numbers()).extracting(n -> n.phoneNumber().digits()).contains("6093252507");

        SearchResult detail = BandwidthMapper.searchResult(
                BandwidthXml.read(readShared("search-result-tndetail.xml"), SearchResultXml.class));
        assertThat(detail.count()).isEqualTo(3);
        assertThat(detail.numbers().get(0)).satisfies(n -> {
            assertThat(n.city()).isEqualTo("ALLENTOWN");
            assertThat(n.lata()).isEqualTo("222");
            assertThat(n.rateCenter()).isEqualTo("ALLENTOWN");
            assertThat(n.vendorId()).isEqualTo("49");
        });

        SearchResult legacy = BandwidthMapper.searchResult(
                BandwidthXml.read(readShared("search-result-tndetail-legacy.xml"), SearchResultXml.class));
        assertThat(legacy.numbers()).isNotEmpty().allSatisfy(n -> assertThat(n.city()).isNotBlank());
    }

    @Test
    void errorCarriers() {
        assertThat(firstError("error-search-4010.xml").code()).isEqualTo("4010");
        assertThat(firstError("error-reservation-5041.xml").code()).isEqualTo("5041");
        assertThat(firstError("error-order-5016.xml").code()).isEqualTo("5016");
        assertThat(firstError("error-not-found-404.xml").description()).isEqualTo("The resource does not exist");
    }

    @Test
    void orderResponses() {
        NumberOrder complete = order("order-response-complete.xml");
        assertThat(complete.status()).isEqualTo(OrderStatus.COMPLETE);
        assertThat(complete.completedNumbers()).extracting(n -> n.digits()).containsExactly("9194464166");
        assertThat(complete.summary()).isEqualTo("1 number ordered in (919)");

        NumberOrder partial = order("order-response-partial.xml");
        assertThat(partial.status()).isEqualTo(OrderStatus.PARTIAL);
        assertThat(partial.failedNumbers()).extracting(n -> n.digits()).containsExactly("2055551212");
        assertThat(partial.errors()).extracting(e -> e.code()).containsExactly("5005");

        NumberOrder failed = order("order-response-failed.xml");
        assertThat(failed.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(failed.id()).isEqualTo("errorid");
        assertThat(failed.completedNumbers()).isEmpty();
        assertThat(failed.errors()).extracting(e -> e.code()).containsExactly("5018");

        NumberOrder received = order("order-response-received.xml");
        assertThat(received.status()).isEqualTo(OrderStatus.RECEIVED);
        assertThat(received.id()).isEqualTo("f30a31a1-1de4-4939-b094-4521bbe5c8df");
    }

    @Test
    void orderRequestsOfEveryTypeAreReadByTheAdaptersOrderType() {
        assertThat(orderXml("order-request-area-code.xml").areaCodeSearchAndOrderType().areaCode()).isEqualTo("435");
        assertThat(orderXml("order-request-rate-center.xml").rateCenterSearchAndOrderType().rateCenter())
                .isEqualTo("RALEIGH");
        assertThat(orderXml("order-request-npanxx.xml").npaNxxSearchAndOrderType().npaNxx()).isEqualTo("919439");
        assertThat(orderXml("order-request-lata.xml").lataSearchAndOrderType().lata()).isEqualTo("224");
        assertThat(orderXml("order-request-tollfree-vanity.xml").tollFreeVanitySearchAndOrderType().tollFreeVanity())
                .isEqualTo("newcars");
        assertThat(orderXml("order-request-tollfree-wildchar.xml").tollFreeWildCharSearchAndOrderType()
                .tollFreeWildCardPattern()).isEqualTo("8**");
        assertThat(orderXml("order-request-combined.xml").combinedSearchAndOrderType().npaNxxX()).isEqualTo("9194391");
        assertThat(orderXml("order-request-combined-local-vanity.xml").combinedSearchAndOrderType().localVanity())
                .isEqualTo("newcars");
        assertThat(TelephoneNumberListXml.numbers(orderXml("order-request-existing-tn.xml")
                .existingTelephoneNumberOrderType().telephoneNumberList())).hasSize(3);
    }

    @Test
    void orderLists() {
        OrderListXml list = BandwidthXml.read(readShared("order-list.xml"), OrderListXml.class);
        assertThat(list.list().totalCount()).isEqualTo(2);
        assertThat(list.list().rows()).extracting(OrderListXml.RowXml::orderId)
                .containsExactly("016c1aef-a873-4a90-8374-60771cba9452", "77659f47-d527-42ad-bf72-34b6841016ac");

        OrderListXml detailed = BandwidthXml.read(readShared("order-list-tndetails.xml"), OrderListXml.class);
        assertThat(detailed.list().links().next()).contains("test2");
        assertThat(detailed.list().rows()).extracting(OrderListXml.RowXml::countOfTns).contains(1);

        OrderListXml disconnects = BandwidthXml.read(readShared("disconnect-list.xml"), OrderListXml.class);
        assertThat(disconnects.list().rows()).extracting(OrderListXml.RowXml::orderId)
                .contains("6d7da966-e071-4741-b31c-1d8932f4b8da");
    }

    @Test
    void disconnectsReservationsAndNumbers() {
        DisconnectXml.ResponseXml complete = BandwidthXml.read(readShared("disconnect-response-complete.xml"),
                DisconnectXml.ResponseXml.class);
        assertThat(TelephoneNumberListXml.numbers(complete.disconnected())).containsExactly("2055551212");
        assertThat(complete.orderRequest().id()).isEqualTo("003e006b-c278-4ee4-89a2-c4ed334632d3");

        DisconnectXml.ResponseXml failed = BandwidthXml.read(readShared("disconnect-response-failed.xml"),
                DisconnectXml.ResponseXml.class);
        assertThat(ErrorXml.ListXml.errors(failed.errorList())).extracting(ErrorXml::code).containsExactly("5006");

        DisconnectXml request = BandwidthXml.read(readShared("disconnect-request.xml"), DisconnectXml.class);
        assertThat(TelephoneNumberListXml.numbers(request.type().telephoneNumberList())).hasSize(3);

        ReservationXml.ResponseXml reservation = BandwidthXml.read(readShared("reservation-response.xml"),
                ReservationXml.ResponseXml.class);
        assertThat(reservation.reservation().reservationExpires()).isEqualTo(1492);
        assertThat(reservation.reservation().reservedTn()).isEqualTo("4354776010");

        TnDetailsXml details = BandwidthXml.read(readShared("tn-details.xml"), TnDetailsXml.class);
        assertThat(details.details().lata()).isEqualTo("224");
        assertThat(details.details().accountId()).isEqualTo("14");
    }

    private static ErrorXml firstError(String file) {
        return BandwidthXml.read(readShared(file), EnvelopeXml.class).firstError();
    }

    private static NumberOrder order(String file) {
        return OrderMapper.toDomain(BandwidthXml.read(readShared(file), OrderResponseXml.class));
    }

    private static OrderXml orderXml(String file) {
        return BandwidthXml.read(readShared(file), OrderXml.class);
    }
}
