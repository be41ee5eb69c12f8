package com.acme.numbers;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A dry run against a stub Bandwidth: what it asks (site, SIP peer, the number's block), and never an order. */
class DryRunStubIntegrationTests extends StubBandwidthIntegrationTest {

    private static final Map<String, Object> ORDER = Map.of("name", "Dry", "selection",
            Map.of("type", "phoneNumbers", "phoneNumbers", List.of("+19195550101")));

    @Test
    void aReadOnlyClientMayDryRunAnOrderAndNoOrderIsSent() {
        bandwidth.stubFor(get(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/sites/1001")))
                .willReturn(xml(200, "<SiteResponse><Site><Id>1001</Id><Name>HQ</Name></Site></SiteResponse>")));
        bandwidth.stubFor(get(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/sites/1001/sippeers/500001")))
                .willReturn(xml(200, "<SipPeerResponse><SipPeer><PeerId>500001</PeerId></SipPeer></SipPeerResponse>")));
        bandwidth.stubFor(get(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/availableNumbers")))
                .willReturn(xml(200, "<SearchResult><ResultCount>1</ResultCount><TelephoneNumberList>"
                        + "<TelephoneNumber>9195550101</TelephoneNumber></TelephoneNumberList></SearchResult>")));

        client.post().uri(api(OAUTH_ACCOUNT, "/orders?dryRun=true")).header("X-API-Key", READER_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(ORDER).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.valid").isEqualTo(true)
                .jsonPath("$.numbers[0]").isEqualTo("+19195550101");

        bandwidth.verify(getRequestedFor(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/availableNumbers")))
                .withQueryParam("npaNxxx", equalTo("9195550")));
        bandwidth.verify(0, postRequestedFor(urlPathMatching(".*/orders")));
        client.post().uri(api(OAUTH_ACCOUNT, "/orders")).header("X-API-Key", READER_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(ORDER).exchange().expectStatus().isForbidden();
    }

    @Test
    void aSiteBandwidthDoesNotKnowIsNamedAndTheSipPeerIsNotAsked() {
        bandwidth.stubFor(get(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/sites/1001"))).willReturn(xml(404,
                "<SiteResponse><ResponseStatus><ErrorCode>12016</ErrorCode><Description>Site not found"
                        + "</Description></ResponseStatus></SiteResponse>")));
        bandwidth.stubFor(get(urlPathEqualTo(upstream(OAUTH_ACCOUNT, "/availableNumbers")))
                .willReturn(xml(200, "<SearchResult><ResultCount>0</ResultCount></SearchResult>")));

        client.post().uri(api(OAUTH_ACCOUNT, "/orders?dryRun=true")).header("X-API-Key", OPS_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(ORDER).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.valid").isEqualTo(false)
                .jsonPath("$.problems[0].code").isEqualTo("site_not_found")
                .jsonPath("$.problems[1].code").isEqualTo("number_unavailable");

        bandwidth.verify(0, getRequestedFor(urlPathMatching(".*/sippeers/.*")));
        bandwidth.verify(0, postRequestedFor(urlPathMatching(".*/orders")));
        bandwidth.verify(0, anyRequestedFor(urlPathMatching(".*/tnreservation.*")));
    }
}
