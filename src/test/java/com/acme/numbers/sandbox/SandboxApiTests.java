package com.acme.numbers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import com.acme.numbers.SandboxIntegrationTest;

/** The simulated Bandwidth XML API as an SDK sees it: auth, prefixes, error codes, order life cycle. */
class SandboxApiTests extends SandboxIntegrationTest {

    @Test
    void callsWithoutValidCredentialsAre401() {
        client.get().uri(SANDBOX + "/accounts/9900000/availableNumbers?areaCode=919").exchange()
                .expectStatus().isUnauthorized();
        client.get().uri(SANDBOX + "/accounts/9900000/availableNumbers?areaCode=919")
                .headers(h -> h.setBasicAuth("sandbox-user", "wrong")).exchange().expectStatus().isUnauthorized();
        client.get().uri(SANDBOX + "/accounts/9900000/availableNumbers?areaCode=919")
                .headers(h -> h.setBearerAuth("made-up")).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void otherAccountsAre403() {
        basicAuth(client.get().uri(SANDBOX + "/accounts/123/availableNumbers?areaCode=919")).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void oauthTokenFromTheTokenEndpointWorksAsBearer() {
        String token = JsonPath.read(new String(client.post().uri(SANDBOX + "/v1/oauth2/token")
                .headers(h -> h.setBasicAuth(sandbox.clientId(), sandbox.clientSecret()))
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.expires_in").isEqualTo(3600)
                .returnResult().getResponseBodyContent()), "$.access_token");

        client.get().uri(SANDBOX + "/accounts/9900000/availableNumbers?areaCode=919&quantity=1")
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        client.post().uri(SANDBOX + "/v1/oauth2/token").headers(h -> h.setBasicAuth("sandbox-client", "nope"))
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")).exchange()
                .expectStatus().isUnauthorized();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/sandbox/bandwidth/api", "/sandbox/bandwidth/api/v1", "/sandbox/bandwidth/v1.0" })
    void everySdkPrefixIsServed(String prefix) {
        basicAuth(client.get().uri(prefix + "/accounts/9900000/availableNumbers?areaCode=919&quantity=2")).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_XML)
                .expectBody().xpath("/SearchResult/ResultCount").isEqualTo("2")
                .xpath("count(/SearchResult/TelephoneNumberList/TelephoneNumber)").isEqualTo(2.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "quantity=2 | 4010",
            "areaCode=12 | 4000",
            "rateCenter=RAL%21EIGH&state=NC | 4001",
            "npaNxx=91955 | 4002",
            "tollFreeVanity=AB | 4003",
            "tollFreeWildCardPattern=9** | 4004",
            "city=R2D2&state=NC | 4005",
            "state=N | 4006",
            "zip=123 | 4007",
            "lata=1234567 | 4008",
            "rateCenter=RALEIGH | 4010",
            "areaCode=919&orderBy=price | 4020",
            "areaCode=919&orderBy=fullNumber | 4021",
            "areaCode=919&protected=SOME | 4022" })
    void searchInputErrorsUseBandwidthsCodes(String query, String code) {
        basicAuth(client.get().uri(SANDBOX + "/accounts/9900000/availableNumbers?" + query)).exchange()
                .expectStatus().isBadRequest().expectBody().xpath("/SearchResult/Error/Code").isEqualTo(code)
                .xpath("/SearchResult/Error/Description").exists();
    }

    @Test
    void searchMatchesEveryKindOfKey() {
        assertThat(search("rateCenter=SEATTLE&state=WA&enableTNDetail=true&quantity=5")).hasSize(5)
                .allSatisfy(n -> assertThat(n).startsWith("206"));
        assertThat(search("zip=02108&quantity=3")).allSatisfy(n -> assertThat(n).startsWith("617"));
        assertThat(search("city=chicago&state=IL&quantity=3")).allSatisfy(n -> assertThat(n).startsWith("312"));
        assertThat(search("localVanity=CAFE&endsIn=true&state=NC&quantity=50"))
                .isNotEmpty().allSatisfy(n -> assertThat(n).endsWith("2233"));
        assertThat(search("tollFreeVanity=FLOWERS&quantity=10")).isNotEmpty()
                .allSatisfy(n -> assertThat(n).endsWith("3569377"));
        assertThat(search("tollFreeWildCardPattern=87*&quantity=10")).hasSize(10)
                .allSatisfy(n -> assertThat(n).startsWith("877"));
        assertThat(search("state=AK")).isEmpty();
    }

    @Test
    void orderElementNamesAreMatchedCaseInsensitivelyLikeTheSdksSendThem() {
        String body = "<Order><name>SDK style</name><SiteId>1001</SiteId>"
                + "<LataSearchAndOrderType><Lata>426</Lata><Quantity>1</Quantity></LataSearchAndOrderType></Order>";

        String created = new String(createOrder(body).expectStatus().isCreated().expectHeader().exists("Location")
                .expectBody().xpath("/OrderResponse/OrderStatus").isEqualTo("RECEIVED")
                .xpath("/OrderResponse/Order/LATASearchAndOrderType/Lata").isEqualTo("426")
                .xpath("/OrderResponse/Order/Name").isEqualTo("SDK style")
                .returnResult().getResponseBodyContent());
        String id = xpathOf(created, "/OrderResponse/Order/id");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> "COMPLETE".equals(
                xpath(basicAuth(client.get().uri(SANDBOX + "/accounts/9900000/orders/" + id)), "/OrderResponse/OrderStatus")));
        basicAuth(client.get().uri(SANDBOX + "/accounts/9900000/orders/" + id)).exchange().expectBody()
                .xpath("/OrderResponse/CompletedQuantity").isEqualTo("1")
                .xpath("/OrderResponse/CompletedNumbers/TelephoneNumber/FullNumber").exists()
                .xpath("/OrderResponse/Summary").isEqualTo("1 number ordered in (919)");
    }

    @Test
    void npanxxOrderTypeIsAcceptedInTheNodeSdksSpelling() {
        String npaNxx = search("areaCode=404&quantity=1").get(0).substring(0, 6);
        createOrder("<Order><Name>n</Name><SiteId>1001</SiteId><NpanxxSearchAndOrderType><NpaNxx>" + npaNxx
                + "</NpaNxx><Quantity>1</Quantity></NpanxxSearchAndOrderType></Order>").expectStatus().isCreated()
                .expectBody().xpath("/OrderResponse/Order/NPANXXSearchAndOrderType/NpaNxx").isEqualTo(npaNxx);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<Order><Name>n</Name><AreaCodeSearchAndOrderType><AreaCode>919</AreaCode><Quantity>1</Quantity></AreaCodeSearchAndOrderType></Order> | 5022",
            "<Order><Name>n</Name><SiteId>743</SiteId><AreaCodeSearchAndOrderType><AreaCode>919</AreaCode><Quantity>1</Quantity></AreaCodeSearchAndOrderType></Order> | 5016",
            "<Order><Name>n</Name><SiteId>1001</SiteId><PeerId>9</PeerId><AreaCodeSearchAndOrderType><AreaCode>919</AreaCode><Quantity>1</Quantity></AreaCodeSearchAndOrderType></Order> | 5023",
            "<Order><Name>n</Name><SiteId>1001</SiteId><AreaCodeSearchAndOrderType><AreaCode>919</AreaCode><Quantity>0</Quantity></AreaCodeSearchAndOrderType></Order> | 5009",
            "<Order><Name>n</Name><SiteId>1001</SiteId><CustomerOrderId>bad_id!</CustomerOrderId><AreaCodeSearchAndOrderType><AreaCode>919</AreaCode><Quantity>1</Quantity></AreaCodeSearchAndOrderType></Order> | 5052",
            "<Order><Name>n</Name><SiteId>1001</SiteId><BackOrderRequested>true</BackOrderRequested><ExistingTelephoneNumberOrderType><TelephoneNumberList><TelephoneNumber>9195550101</TelephoneNumber></TelephoneNumberList></ExistingTelephoneNumberOrderType></Order> | 5522",
            "<Order><Name>n</Name><SiteId>1001</SiteId></Order> | 5002" })
    void orderValidationErrorsComeInAnErrorListWithTheEcho(String body, String code) {
        createOrder(body).expectStatus().isBadRequest().expectBody()
                .xpath("/OrderResponse/ErrorList/Error/Code").isEqualTo(code)
                .xpath("/OrderResponse/Order/Name").isEqualTo("n");
    }

    @Test
    void orderListsPageByOrderIdWithLinks() {
        for (int i = 0; i < 3; i++) {
            createOrder("<Order><Name>page " + i + "</Name><SiteId>1001</SiteId><CustomerOrderId>paging</CustomerOrderId>"
                    + "<StateSearchAndOrderType><State>HI</State><Quantity>1</Quantity></StateSearchAndOrderType></Order>")
                    .expectStatus().isCreated();
        }
        String first = body(basicAuth(client.get().uri(SANDBOX
                + "/accounts/9900000/orders?page=1&size=2&customerOrderId=paging")));
        assertThat(xpathCount(first, "//OrderIdUserIdDate")).isEqualTo(2);
        assertThat(xpathOf(first, "//TotalCount")).isEqualTo("3");
        String next = xpathOf(first, "//Links/next");
        assertThat(next).contains("rel=\"next\"");
        String page = next.replaceAll(".*[?&]page=([^&>]+).*", "$1");

        String second = body(basicAuth(client.get().uri(SANDBOX + "/accounts/9900000/orders?page=" + page
                + "&size=2&customerOrderId=paging")));
        assertThat(xpathCount(second, "//OrderIdUserIdDate")).isEqualTo(1);
        assertThat(xpathOf(second, "//Links/next")).isEmpty();
    }

    @Test
    void unknownResourcesAreTheGenericNotFoundShape() {
        basicAuth(client.get().uri(SANDBOX + "/accounts/9900000/orders/nope")).exchange().expectStatus().isNotFound()
                .expectBody().xpath("/ErrorResponse/ResponseStatus/Description").isEqualTo("The resource does not exist");
        basicAuth(client.get().uri(SANDBOX + "/tns/9999999999")).exchange().expectStatus().isNotFound();
        basicAuth(client.get().uri(SANDBOX + "/accounts/9900000/tnreservation/nope")).exchange()
                .expectStatus().isNotFound().expectBody().xpath("/ReservationResponse/ResponseStatus/ErrorCode")
                .isEqualTo("5042");
    }

    @Test
    void availableNumbersAreVisibleInTnLookups() {
        String number = search("areaCode=808&quantity=1").get(0);
        basicAuth(client.get().uri(SANDBOX + "/tns/" + number)).exchange().expectStatus().isOk().expectBody()
                .xpath("/TelephoneNumberResponse/Status").isEqualTo("Available")
                .xpath("/TelephoneNumberResponse/AccountId").doesNotExist();
        basicAuth(client.get().uri(SANDBOX + "/tns/" + number + "/tndetails")).exchange().expectStatus().isOk()
                .expectBody().xpath("/TelephoneNumberResponse/TelephoneNumberDetails/City").isEqualTo("HONOLULU")
                .xpath("/TelephoneNumberResponse/TelephoneNumberDetails/Lata").isEqualTo("834");
    }

    @Test
    void faultsCanBeSetReadAndCleared() {
        client.put().uri("/sandbox/admin/faults").header("X-API-Key", DEV_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("failureStatus", 500, "failureRate", 1.0, "latencyMillis", 10)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.failureStatus").isEqualTo(500);
        basicAuth(client.get().uri(SANDBOX + "/accounts/9900000/orders/x")).exchange().expectStatus().isEqualTo(500);
        client.put().uri("/sandbox/admin/faults").header("X-API-Key", DEV_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("failureStatus", 200)).exchange().expectStatus().isBadRequest();
        client.delete().uri("/sandbox/admin/faults").header("X-API-Key", DEV_KEY).exchange().expectStatus().isNoContent();
        client.get().uri("/sandbox/admin/faults").header("X-API-Key", DEV_KEY).exchange().expectBody().jsonPath("$.failureStatus").doesNotExist();
    }

    private List<String> search(String query) {
        String xml = body(basicAuth(client.get().uri(SANDBOX + "/accounts/9900000/availableNumbers?" + query)));
        return XmlPaths.texts(xml, "//TelephoneNumber|//FullNumber");
    }

    private WebTestClient.ResponseSpec createOrder(String xml) {
        return basicAuth(client.post().uri(SANDBOX + "/accounts/9900000/orders").contentType(MediaType.APPLICATION_XML)
                .bodyValue(xml)).exchange();
    }

    private String body(WebTestClient.RequestHeadersSpec<?> request) {
        return new String(request.exchange().expectStatus().is2xxSuccessful().expectBody().returnResult()
                .getResponseBodyContent());
    }

    private String xpath(WebTestClient.RequestHeadersSpec<?> request, String expression) {
        return xpathOf(body(request), expression);
    }

    private static String xpathOf(String xml, String expression) {
        return XmlPaths.text(xml, expression);
    }

    private static int xpathCount(String xml, String expression) {
        return XmlPaths.texts(xml, expression).size();
    }
}
