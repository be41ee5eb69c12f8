package com.acme.numbers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import com.acme.numbers.SandboxIntegrationTest;
import com.acme.numbers.support.Fixtures;

/**
 * Replays the real Bandwidth payloads of {@code ../shared/bandwidth-xml} against the sandbox and compares its
 * answers element by element with the real answers. Every difference is listed here on purpose: elements the
 * sandbox adds that the sample lacks (documented in the digest), and elements of the sample it does not produce.
 */
class SandboxConformanceTests extends SandboxIntegrationTest {

    private static final String ACCOUNT_PATH = SANDBOX + "/accounts/9900000";
    private static final Map<String, Integer> STATUSES = Collections.synchronizedMap(new IdentityHashMap<>());

    @Test
    void searchResults() {
        compare("search-result-basic.xml", get(ACCOUNT_PATH + "/availableNumbers?areaCode=435&quantity=3"),
                Set.of(), Set.of());
        compare("search-result-tndetail.xml",
                get(ACCOUNT_PATH + "/availableNumbers?areaCode=435&quantity=3&enableTNDetail=true"), Set.of(), Set.of());
        compare("error-search-4010.xml", get(ACCOUNT_PATH + "/availableNumbers?quantity=3"), Set.of(), Set.of());
    }

    @Test
    void reservations() {
        String number = firstAvailable("801");
        String id = reserve(number);
        compare("reservation-response.xml", get(ACCOUNT_PATH + "/tnreservation/" + id), Set.of(), Set.of());
        compare("error-reservation-5041.xml", post(ACCOUNT_PATH + "/tnreservation",
                Fixtures.readShared("reservation-request.xml").replace("4354770625", number)), Set.of(), Set.of());
    }

    /*
     * The sandbox echoes the order type the request used, where the sample echoes an existing-number order: the
     * allowed extras are that type's elements as the real request has them (read from the request, never from the
     * answer under test), and the echo must carry the request's values.
     */
    @Test
    void ordersCreatedFromEveryRealRequestAnswerLikeBandwidth() {
        for (String request : new String[] { "order-request-area-code.xml", "order-request-rate-center.xml",
                "order-request-npanxx.xml", "order-request-lata.xml", "order-request-tollfree-vanity.xml",
                "order-request-tollfree-wildchar.xml", "order-request-combined.xml",
                "order-request-combined-local-vanity.xml", "order-request-existing-tn.xml" }) {
            String sent = Fixtures.readShared(request).replace("743", "1001");
            String answer = post(ACCOUNT_PATH + "/orders", sent);
            Set<String> requestedType = XmlPaths.elementPaths(sent).stream()
                    .filter(p -> p.matches("Order/[A-Za-z]+OrderType.*"))
                    .map(p -> "OrderResponse/" + p).collect(Collectors.toCollection(TreeSet::new));
            assertThat(requestedType).as("the order type of %s", request).isNotEmpty();
            compare("order-response-received.xml", answer, requestedType,
                    request.equals("order-request-existing-tn.xml") ? Set.of()
                            : Set.of("OrderResponse/Order/ExistingTelephoneNumberOrderType",
                                    "OrderResponse/Order/ExistingTelephoneNumberOrderType/TelephoneNumberList",
                                    "OrderResponse/Order/ExistingTelephoneNumberOrderType/TelephoneNumberList/TelephoneNumber"),
                    "OrderResponse/Order/ExistingTelephoneNumberOrderType/ReservationIdList",
                    "OrderResponse/Order/ExistingTelephoneNumberOrderType/ReservationIdList/ReservationId",
                    "OrderResponse/Order/BackOrderRequested", "OrderResponse/Order/PartialAllowed");
            assertThat(XmlPaths.text(answer, "/OrderResponse/OrderStatus")).as(request).isEqualTo("RECEIVED");
            assertThat(XmlPaths.text(answer, "/OrderResponse/Order/SiteId")).as(request).isEqualTo("1001");
            assertThat(XmlPaths.text(answer, "/OrderResponse/Order/Name")).as(request)
                    .isEqualTo(XmlPaths.text(sent, "/Order/Name"));
            for (String element : requestedType) {
                String path = "/" + element;
                boolean leaf = requestedType.stream().noneMatch(other -> other.startsWith(element + "/"));
                if (leaf && XmlPaths.texts(sent, path.replace("/OrderResponse", "")).size() == 1) {
                    assertThat(XmlPaths.text(answer, path)).as("%s echoes %s", request, element)
                            .isEqualTo(XmlPaths.text(sent, path.replace("/OrderResponse", "")));
                }
            }
        }
    }

    @Test
    void finishedOrdersAnswerLikeBandwidth() {
        String complete = orderAndWait(Fixtures.readShared("order-request-area-code.xml").replace("743", "1001"));
        assertThat(XmlPaths.text(complete, "/OrderResponse/OrderStatus")).isEqualTo("COMPLETE");
        compare("order-response-complete.xml", complete, Set.of("OrderResponse/Order/id",
                "OrderResponse/Order/CustomerOrderId"), Set.of("OrderResponse/Order/PeerId"));

        String failed = orderAndWait(Fixtures.readShared("order-request-tollfree-vanity.xml").replace("743", "1001"));
        assertThat(XmlPaths.text(failed, "/OrderResponse/OrderStatus")).isEqualTo("FAILED");
        compare("order-response-failed.xml", failed, Set.of("OrderResponse/Order/Name",
                "OrderResponse/Order/TollFreeVanitySearchAndOrderType",
                "OrderResponse/Order/TollFreeVanitySearchAndOrderType/Quantity",
                "OrderResponse/Order/TollFreeVanitySearchAndOrderType/TollFreeVanity"),
                Set.of("OrderResponse/Order/PeerId", "OrderResponse/Order/TnAttributes",
                        "OrderResponse/Order/RateCenterSearchAndOrderType",
                        "OrderResponse/Order/RateCenterSearchAndOrderType/EnableLCA",
                        "OrderResponse/Order/RateCenterSearchAndOrderType/Quantity",
                        "OrderResponse/Order/RateCenterSearchAndOrderType/RateCenter",
                        "OrderResponse/Order/RateCenterSearchAndOrderType/State"));

        compare("error-order-5016.xml", post(ACCOUNT_PATH + "/orders",
                Fixtures.readShared("order-request-area-code.xml")), Set.of(),
                Set.of("OrderResponse/Order/OrderCreateDate", "OrderResponse/Order/TnAttributes",
                        "OrderResponse/Order/TnAttributes/TnAttribute"));
    }

    @Test
    void orderListsHistoryAndNotFound() {
        String complete = orderAndWait(Fixtures.readShared("order-request-lata.xml").replace("743", "1001"));
        String id = XmlPaths.text(complete, "/OrderResponse/Order/id");
        compare("order-list.xml", get(ACCOUNT_PATH + "/orders?page=1&size=5"),
                Set.of("ResponseSelectWrapper/ListOrderIdUserIdDate/Links/next"), Set.of());
        compare("order-history.xml", get(ACCOUNT_PATH + "/orders/" + id + "/history"), Set.of(),
                Set.of("OrderHistoryWrapper/OrderHistory/Difference"));
        compare("error-not-found-404.xml", get(ACCOUNT_PATH + "/orders/unknown-order"), Set.of(), Set.of());
    }

    @Test
    void disconnectsAnswerLikeBandwidth() {
        String request = Fixtures.readShared("disconnect-request.xml");
        String received = post(ACCOUNT_PATH + "/disconnects", request);
        compare("disconnect-response-received.xml", received, Set.of(), Set.of());
        String id = XmlPaths.text(received, "//orderRequest/id");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> !"RECEIVED".equals(
                XmlPaths.text(get(ACCOUNT_PATH + "/disconnects/" + id), "//OrderStatus")));
        String failed = get(ACCOUNT_PATH + "/disconnects/" + id);
        assertThat(XmlPaths.text(failed, "//OrderStatus")).isEqualTo("FAILED");
        compare("disconnect-response-failed.xml", failed, Set.of(
                "DisconnectTelephoneNumberOrderResponse/DisconnectedTelephoneNumberList",
                "DisconnectTelephoneNumberOrderResponse/orderRequest/CustomerOrderId",
                "DisconnectTelephoneNumberOrderResponse/orderRequest/DisconnectTelephoneNumberOrderType/Protected"),
                Set.of("DisconnectTelephoneNumberOrderResponse/orderRequest/Name"));
        compare("disconnect-list.xml", get(ACCOUNT_PATH + "/disconnects?page=1&size=5"),
                Set.of("ResponseSelectWrapper/ListOrderIdUserIdDate/Links/first",
                        "ResponseSelectWrapper/ListOrderIdUserIdDate/OrderIdUserIdDate/CustomerOrderId"),
                Set.of("ResponseSelectWrapper/ListOrderIdUserIdDate/OrderIdUserIdDate/TelephoneNumberDetails"));
    }

    @Test
    void numbersInServiceAnswerLikeBandwidth() {
        String complete = orderAndWait("<Order><Name>tn</Name><SiteId>1001</SiteId><AreaCodeSearchAndOrderType>"
                + "<AreaCode>313</AreaCode><Quantity>1</Quantity></AreaCodeSearchAndOrderType></Order>");
        String number = XmlPaths.text(complete, "//CompletedNumbers/TelephoneNumber/FullNumber");
        compare("tn-response.xml", get(SANDBOX + "/tns/" + number), Set.of(), Set.of());
        compare("tn-details.xml", get(SANDBOX + "/tns/" + number + "/tndetails"), Set.of(
                "TelephoneNumberResponse/TelephoneNumberDetails/InServiceDate",
                "TelephoneNumberResponse/TelephoneNumberDetails/Site",
                "TelephoneNumberResponse/TelephoneNumberDetails/Site/Id",
                "TelephoneNumberResponse/TelephoneNumberDetails/Site/Name",
                "TelephoneNumberResponse/TelephoneNumberDetails/SipPeer",
                "TelephoneNumberResponse/TelephoneNumberDetails/SipPeer/PeerId",
                "TelephoneNumberResponse/TelephoneNumberDetails/SipPeer/PeerName",
                "TelephoneNumberResponse/TelephoneNumberDetails/SipPeer/IsDefaultPeer"),
                Set.of("TelephoneNumberResponse/TelephoneNumberDetails/Features",
                        "TelephoneNumberResponse/TelephoneNumberDetails/TnAttributes",
                        "TelephoneNumberResponse/TelephoneNumberDetails/TnAttributes/TnAttribute"),
                "TelephoneNumberResponse/TelephoneNumberDetails/Features/");
        compare("inservice-numbers.xml", get(ACCOUNT_PATH + "/inserviceNumbers"), Set.of(), Set.of());
    }

    /** Reserves as Bandwidth does it: 201, no body, the new id at the end of Location. */
    private String reserve(String number) {
        String location = basicAuth(client.post().uri(ACCOUNT_PATH + "/tnreservation")
                .contentType(MediaType.APPLICATION_XML)
                .bodyValue(Fixtures.readShared("reservation-request.xml").replace("4354770625", number)))
                .exchange().expectStatus().isCreated().expectBody().isEmpty().getResponseHeaders()
                .getLocation().toString();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private String firstAvailable(String areaCode) {
        return XmlPaths.texts(get(ACCOUNT_PATH + "/availableNumbers?quantity=1&areaCode=" + areaCode),
                "//TelephoneNumber").get(0);
    }

    private String orderAndWait(String body) {
        String id = XmlPaths.text(post(ACCOUNT_PATH + "/orders", body), "/OrderResponse/Order/id");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> !"RECEIVED".equals(
                XmlPaths.text(get(ACCOUNT_PATH + "/orders/" + id), "/OrderResponse/OrderStatus")));
        return get(ACCOUNT_PATH + "/orders/" + id);
    }

    private String get(String uri) {
        return answered(basicAuth(client.get().uri(uri)).exchange().expectBody().returnResult());
    }

    private String post(String uri, String xml) {
        return answered(basicAuth(client.post().uri(uri).contentType(MediaType.APPLICATION_XML).bodyValue(xml))
                .exchange().expectBody().returnResult());
    }

    /** The body, remembered (by identity) with the status it came with, for {@link #compare} to check. */
    private String answered(EntityExchangeResult<byte[]> result) {
        String body = new String(result.getResponseBodyContent());
        STATUSES.put(body, result.getStatus().value());
        return body;
    }

    /** The HTTP status the shared README gives for a sample (its first number: "201 (test mocks 200)" is 201). */
    private static int documentedStatus(String sample) {
        Matcher row = Pattern.compile("(?m)^\\| `" + Pattern.quote(sample) + "` \\|[^|]*\\| *(\\d{3})")
                .matcher(Fixtures.readShared("README.md"));
        assertThat(row.find()).as("the shared README lists %s with its status", sample).isTrue();
        return Integer.parseInt(row.group(1));
    }

    /**
     * The sandbox answer comes with the sample's documented status and uses its root and element vocabulary: what
     * it adds must be in {@code extra}, what it leaves out in {@code missing} (plus any path starting with one of
     * {@code ignoredPrefixes}).
     */
    private static void compare(String sample, String answer, Set<String> extra, Set<String> missing,
            String... ignored) {
        assertThat(STATUSES.get(answer)).as("the status of the sandbox's answer in the shape of %s", sample)
                .isEqualTo(documentedStatus(sample));
        Set<String> real = XmlPaths.elementPaths(Fixtures.readShared(sample));
        Set<String> ours = XmlPaths.elementPaths(answer);
        Set<String> added = new TreeSet<>(ours);
        added.removeAll(real);
        Set<String> lacking = new TreeSet<>(real);
        lacking.removeAll(ours);
        for (String prefix : ignored) {
            added.removeIf(p -> p.startsWith(prefix) || p.equals(prefix));
            lacking.removeIf(p -> p.startsWith(prefix) || p.equals(prefix));
        }
        assertThat(added).as("elements the sandbox adds to the shape of %s", sample).isSubsetOf(extra);
        assertThat(lacking).as("elements of %s the sandbox does not produce", sample).isSubsetOf(missing);
    }
}
