package com.acme.numbers.bandwidth;

import static com.acme.numbers.support.Fixtures.readShared;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import com.acme.numbers.bandwidth.mapping.BandwidthMapper;
import com.acme.numbers.bandwidth.mapping.OrderMapper;
import com.acme.numbers.bandwidth.mapping.ResourceMapper;
import com.acme.numbers.bandwidth.xml.DisconnectXml;
import com.acme.numbers.bandwidth.xml.EnvelopeXml;
import com.acme.numbers.bandwidth.xml.ErrorXml;
import com.acme.numbers.bandwidth.xml.NotificationXml;
import com.acme.numbers.bandwidth.xml.OrderListXml;
import com.acme.numbers.bandwidth.xml.OrderResponseXml;
import com.acme.numbers.bandwidth.xml.ReservationXml;
import com.acme.numbers.bandwidth.xml.SearchResultXml;
import com.acme.numbers.bandwidth.xml.SubscriptionXml;
import com.acme.numbers.bandwidth.xml.TnDetailsXml;
import com.acme.numbers.ordering.model.AvailableNumber;
import com.acme.numbers.ordering.model.Disconnect;
import com.acme.numbers.ordering.model.NumberDetails;
import com.acme.numbers.ordering.model.NumberOrder;
import com.acme.numbers.ordering.model.OrderError;
import com.acme.numbers.ordering.model.OrderStatus;
import com.acme.numbers.ordering.model.PhoneNumber;
import com.acme.numbers.ordering.model.Reservation;
import com.acme.numbers.ordering.model.SearchResult;
import com.acme.numbers.support.Fixtures;
import com.acme.numbers.support.XmlDocuments;

/**
 * Read-side fidelity, "nothing dropped": every element of every real Bandwidth answer in {@code ../shared} is either
 * read by the record the adapter reads that answer with, or listed here as ignored with the reason. A new or renamed
 * element fails the build until someone decides. Documents the gateway only sends, or never reads, are listed too,
 * so a new sample cannot go unnoticed.
 */
class ReadFidelityTests {

    /** What the adapter reads each real answer with. */
    private static final Map<String, Class<?>> READ_WITH = Map.ofEntries(
            Map.entry("search-result-basic.xml", SearchResultXml.class),
            Map.entry("search-result-tndetail.xml", SearchResultXml.class),
            Map.entry("search-result-tndetail-legacy.xml", SearchResultXml.class),
            Map.entry("error-search-4010.xml", EnvelopeXml.class),
            Map.entry("error-reservation-5041.xml", EnvelopeXml.class),
            Map.entry("error-order-5016.xml", EnvelopeXml.class),
            Map.entry("error-not-found-404.xml", EnvelopeXml.class),
            Map.entry("order-response-complete.xml", OrderResponseXml.class),
            Map.entry("order-response-partial.xml", OrderResponseXml.class),
            Map.entry("order-response-failed.xml", OrderResponseXml.class),
            Map.entry("order-response-received.xml", OrderResponseXml.class),
            Map.entry("order-response-created-spec.xml", OrderResponseXml.class),
            Map.entry("disconnect-response-complete.xml", DisconnectXml.ResponseXml.class),
            Map.entry("disconnect-response-failed.xml", DisconnectXml.ResponseXml.class),
            Map.entry("disconnect-response-received.xml", DisconnectXml.ResponseXml.class),
            Map.entry("order-list.xml", OrderListXml.class),
            Map.entry("order-list-tndetails.xml", OrderListXml.class),
            Map.entry("disconnect-list.xml", OrderListXml.class),
            Map.entry("reservation-response.xml", ReservationXml.ResponseXml.class),
            Map.entry("tn-details.xml", TnDetailsXml.class),
            Map.entry("subscriptions-list.xml", SubscriptionXml.ListXml.class),
            Map.entry("notification-order.xml", NotificationXml.class));

    /** Real documents the gateway does not read, each with the reason. */
    private static final Map<String, String> NOT_READ = Map.ofEntries(
            Map.entry("order-request-area-code.xml", "a request: WriteFidelityTests holds what we send against it"),
            Map.entry("order-request-combined.xml", "a request: WriteFidelityTests"),
            Map.entry("order-request-combined-local-vanity.xml", "a request: WriteFidelityTests"),
            Map.entry("order-request-existing-tn.xml", "a request: WriteFidelityTests"),
            Map.entry("order-request-lata.xml", "a request: WriteFidelityTests"),
            Map.entry("order-request-npanxx.xml", "a request: WriteFidelityTests"),
            Map.entry("order-request-rate-center.xml", "a request: WriteFidelityTests"),
            Map.entry("order-request-tollfree-vanity.xml", "a request: WriteFidelityTests"),
            Map.entry("order-request-tollfree-wildchar.xml", "a request: WriteFidelityTests"),
            Map.entry("reservation-request.xml", "a request: WriteFidelityTests"),
            Map.entry("disconnect-request.xml", "a request: WriteFidelityTests"),
            Map.entry("subscription-request-callback.xml", "a request: CallbackConformanceTests"),
            Map.entry("order-update-request.xml", "a request the gateway never sends (no order updates in the API)"),
            Map.entry("order-notes.xml", "order notes are not part of the gateway's API"),
            Map.entry("order-tns.xml", "the order's numbers come from the order itself (CompletedNumbers)"),
            Map.entry("order-history.xml", "the history is not part of the gateway's API (the sandbox serves it)"),
            Map.entry("inservice-numbers.xml", "the gateway looks numbers up one by one (tns/{tn}/tndetails)"),
            Map.entry("sippeers-list.xml", "a dry run asks for one SIP peer and only whether it exists"),
            Map.entry("tn-response.xml", "the number view reads tndetails, which holds all of it"));

    private static final String ROW = "ResponseSelectWrapper/ListOrderIdUserIdDate/OrderIdUserIdDate/";
    private static final String USER_ID = "Bandwidth's API user who placed it: callers are the gateway's (the ledger)";
    private static final String TN_BREAKDOWN = "counts by state, rate center, city, tier and vendor: GET …/orders/{id} "
            + "has the numbers themselves";
    private static final String CREATED_BY = "Bandwidth's API user, i.e. the gateway's own credentials: not the caller";

    /** Elements (with everything below them) a real answer carries that the gateway leaves unread on purpose. */
    private static final Map<String, Map<String, String>> IGNORED = Map.ofEntries(
            Map.entry("order-list.xml", Map.of(ROW + "userId", USER_ID)),
            Map.entry("disconnect-list.xml", Map.of(ROW + "userId", USER_ID, ROW + "TelephoneNumberDetails",
                    TN_BREAKDOWN)),
            Map.entry("order-list-tndetails.xml", Map.of(ROW + "userId", USER_ID, ROW + "TelephoneNumberDetails",
                    TN_BREAKDOWN)),
            Map.entry("disconnect-response-received.xml", Map.of(
                    "DisconnectTelephoneNumberOrderResponse/orderRequest/DisconnectTelephoneNumberOrderType/Protected",
                    "the gateway never changes a number's protection (left to Bandwidth's default)")),
            Map.entry("error-order-5016.xml", Map.of("OrderResponse/Order",
                    "the echo of the refused order: the caller has its request; the problem carries the code")),
            Map.entry("order-response-complete.xml", Map.of("OrderResponse/CreatedByUser", CREATED_BY)),
            Map.entry("order-response-partial.xml", Map.of("OrderResponse/CreatedByUser", CREATED_BY)),
            Map.entry("order-response-failed.xml", Map.of("OrderResponse/CreatedByUser", CREATED_BY)),
            Map.entry("tn-details.xml", Map.of(
                    "TelephoneNumberResponse/TelephoneNumberDetails/Tier",
                    "tier and vendor are shown where they choose a number: in search results",
                    "TelephoneNumberResponse/TelephoneNumberDetails/VendorId", "as Tier",
                    "TelephoneNumberResponse/TelephoneNumberDetails/VendorName", "as Tier",
                    "TelephoneNumberResponse/TelephoneNumberDetails/Features",
                    "E911, LIDB and directory listings are provisioned elsewhere, not through this gateway",
                    "TelephoneNumberResponse/TelephoneNumberDetails/TnAttributes",
                    "number attributes (such as Protected) are not part of the number view")));

    @Test
    void everyRealDocumentIsEitherReadOrListedWithAReason() throws IOException {
        Path dir = Fixtures.sharedBandwidthXml();
        Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".xml")).forEach(files::add);
        }
        Set<String> decided = new TreeSet<>(READ_WITH.keySet());
        decided.addAll(NOT_READ.keySet());
        assertThat(files).as("every sample is decided on").isEqualTo(decided);
    }

    @Test
    void nothingInARealAnswerGoesUnread() throws Exception {
        Map<String, List<String>> unread = new TreeMap<>();
        for (Map.Entry<String, Class<?>> file : READ_WITH.entrySet()) {
            String xml = readShared(file.getKey());
            Element root = XmlDocuments.root(xml);
            Set<String> mapped = new LinkedHashSet<>();
            mapped(file.getValue(), root.getTagName(), mapped, 0);
            Set<String> mappedLower = new TreeSet<>();
            mapped.forEach(path -> mappedLower.add(path.toLowerCase(Locale.ROOT)));
            List<String> missing = new ArrayList<>();
            for (String path : new LinkedHashSet<>(XmlDocuments.elementPaths(xml))) {
                boolean ignored = IGNORED.getOrDefault(file.getKey(), Map.of()).keySet().stream()
                        .anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
                if (!path.equals(root.getTagName()) && !ignored
                        && !mappedLower.contains(path.toLowerCase(Locale.ROOT))) {
                    missing.add(path);
                }
            }
            if (!missing.isEmpty()) {
                unread.put(file.getKey(), missing);
            }
        }
        assertThat(unread).as("elements neither read nor listed as ignored").isEmpty();
    }

    /* Field by field: the values below are read off the real files, not off the adapter's output. */

    @Test
    void aCompleteOrderReadsWhole() {
        assertThat(order("order-response-complete.xml")).isEqualTo(new NumberOrder(null, "Test", null, "1234",
                "577561", OrderStatus.COMPLETE, Instant.parse("2020-05-18T15:31:05.435Z"),
                Instant.parse("2020-05-18T15:31:07.069Z"), "1 number ordered in (919)",
                List.of(PhoneNumber.parse("9194464166")), List.of(), List.of()));
    }

    @Test
    void aPartialOrderReadsWholeWithItsPerNumberError() {
        assertThat(order("order-response-partial.xml")).isEqualTo(new NumberOrder(null, null, null, "2858", "12345",
                OrderStatus.PARTIAL, Instant.parse("2019-08-08T19:39:35.472Z"),
                Instant.parse("2019-08-08T19:39:35.537Z"), "1 out of 2 numbers ordered in (833)",
                List.of(PhoneNumber.parse("2055551213")), List.of(PhoneNumber.parse("2055551212")),
                List.of(new OrderError("5005", "The telephone number is unavailable for ordering",
                        PhoneNumber.parse("2055551212")))));
    }

    @Test
    void aFailedOrderAndTheSpecsCreatedOrderReadWhole() {
        assertThat(order("order-response-failed.xml")).isEqualTo(new NumberOrder("errorid", null, "MyTestOrderId",
                "56984", "223787", OrderStatus.FAILED, Instant.parse("2022-02-17T15:28:24.026Z"),
                Instant.parse("2022-02-17T15:28:24.152Z"), "1 number requested", List.of(), List.of(),
                List.of(new OrderError("5018", "The entire quantity of telephone numbers ordered is unavailable",
                        null))));
        // the official example has no OrderStatus: a created order is RECEIVED
        assertThat(order("order-response-created-spec.xml")).isEqualTo(new NumberOrder(
                "34adcd9f-2c4a-4631-9dae-d1f318ed57bc", "Zip Order", "123456789", "3013", null, OrderStatus.RECEIVED,
                Instant.parse("2014-07-11T17:13:57.788Z"), null, null, List.of(), List.of(), List.of()));
    }

    @Test
    void aReceivedDisconnectReadsWholeAndItsMalformedDateIsNotGuessed() {
        DisconnectXml.ResponseXml xml = BandwidthXml.read(readShared("disconnect-response-received.xml"),
                DisconnectXml.ResponseXml.class);
        // the sample's OrderCreateDate is "2022-05-25T14-12-57.840Z" (dashes in the time): no instant is made up
        assertThat(ResourceMapper.toDisconnect(xml, "fallback")).isEqualTo(new Disconnect(
                "ba05e04b-192a-47cb-b182-b1bf6cfef0d7", null, "My OrderId", OrderStatus.RECEIVED, null,
                List.of(PhoneNumber.parse("4158714245"), PhoneNumber.parse("4352154439"),
                        PhoneNumber.parse("4352154466")), List.of(), List.of()));
    }

    @Test
    void everyErrorCarrierReadsItsCodeAndDescription() {
        assertThat(error("error-search-4010.xml")).isEqualTo(new ErrorXml("4010", "One of more required search "
                + "parameters are null or empty, please refer to the api documentation", null));
        assertThat(error("error-reservation-5041.xml")).extracting(ErrorXml::code, ErrorXml::description)
                .containsExactly("5041", "Reservation failed: telephone number 9195551212 is not available.");
        assertThat(error("error-order-5016.xml")).extracting(ErrorXml::code, ErrorXml::description)
                .containsExactly("5016", "The SiteId submitted is invalid.");
        assertThat(error("error-not-found-404.xml")).extracting(ErrorXml::code, ErrorXml::description)
                .containsExactly(null, "The resource does not exist");
    }

    private static ErrorXml error(String file) {
        return BandwidthXml.read(readShared(file), EnvelopeXml.class).firstError();
    }

    @Test
    void aCompleteDisconnectReadsWhole() {
        DisconnectXml.ResponseXml xml = BandwidthXml.read(readShared("disconnect-response-complete.xml"),
                DisconnectXml.ResponseXml.class);
        assertThat(ResourceMapper.toDisconnect(xml, "fallback")).isEqualTo(new Disconnect(
                "003e006b-c278-4ee4-89a2-c4ed334632d3", null, null, OrderStatus.COMPLETE,
                Instant.parse("2019-08-09T01:51:36.034Z"), List.of(PhoneNumber.parse("2055551212")),
                List.of(PhoneNumber.parse("2055551212")), List.of()));
    }

    @Test
    void aNumbersDetailsReadWhole() {
        TnDetailsXml xml = BandwidthXml.read(readShared("tn-details.xml"), TnDetailsXml.class);
        assertThat(ResourceMapper.toDetails(xml, "14", PhoneNumber.parse("2018981023"))).isEqualTo(new NumberDetails(
                PhoneNumber.parse("2018981023"), "Inservice", "14", null, null, "JERSEY CITY", "NJ", "JERSEYCITY",
                "224", null, Instant.parse("2014-07-30T11:29:37.000Z")));
    }

    @Test
    void aDetailedSearchReadsEveryNumberWhole() {
        SearchResult result = BandwidthMapper.searchResult(BandwidthXml.read(readShared("search-result-tndetail.xml"),
                SearchResultXml.class));
        assertThat(result.count()).isEqualTo(3);
        assertThat(result.numbers().get(0)).isEqualTo(new AvailableNumber(PhoneNumber.parse("6093252507"),
                "ALLENTOWN", "NJ", "ALLENTOWN", "222", "0", "49", "Bandwidth CLEC"));
        assertThat(result.numbers()).extracting(n -> n.phoneNumber().digits())
                .containsExactly("6093252507", "6093570994", "6093574598");
    }

    @Test
    void aReservationReadsWhole() {
        ReservationXml.ResponseXml xml = BandwidthXml.read(readShared("reservation-response.xml"),
                ReservationXml.ResponseXml.class);
        Instant now = Instant.parse("2026-12-06T12:00:00Z");
        assertThat(ResourceMapper.toReservation(xml, "requested-id", now)).isEqualTo(new Reservation(
                "f342904f-b03a-4499-bac0-e8f43a2664a1", PhoneNumber.parse("4354776010"), now.plusSeconds(1492), 1492));
    }

    private static NumberOrder order(String file) {
        return OrderMapper.toDomain(BandwidthXml.read(readShared(file), OrderResponseXml.class));
    }

    /** The element paths a record reads, by its JSON property names and aliases, below {@code prefix}. */
    private static void mapped(Class<?> type, String prefix, Set<String> paths, int depth) {
        if (!type.isRecord() || depth > 8) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            JsonAlias alias = component.getAccessor().getAnnotation(JsonAlias.class);
            List<String> names = new ArrayList<>();
            names.add(property != null ? property.value() : component.getName());
            if (alias != null) {
                names.addAll(List.of(alias.value()));
            }
            Class<?> child = elementType(component.getGenericType());
            for (String name : names) {
                paths.add(prefix + "/" + name);
                mapped(child, prefix + "/" + name, paths, depth + 1);
            }
        }
    }

    private static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Type argument = parameterized.getActualTypeArguments()[0];
            return argument instanceof Class<?> c ? c : Object.class;
        }
        return type instanceof Class<?> c ? c : Object.class;
    }

}
