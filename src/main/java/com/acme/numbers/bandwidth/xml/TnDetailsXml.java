package com.acme.numbers.bandwidth.xml;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /tns/{tn}/tndetails}: {@code TelephoneNumberResponse/TelephoneNumberDetails}. */
public record TnDetailsXml(@JsonProperty("TelephoneNumberDetails") DetailsXml details) {

    /** Note {@code Lata} in mixed case here, unlike {@code LATA} in search results. */
    public record DetailsXml(
            @JsonProperty("City") String city,
            @JsonProperty("Lata") @JsonAlias("LATA") String lata,
            @JsonProperty("State") String state,
            @JsonProperty("FullNumber") String fullNumber,
            @JsonProperty("RateCenter") String rateCenter,
            @JsonProperty("Status") String status,
            @JsonProperty("AccountId") String accountId,
            @JsonProperty("LastModified") String lastModified,
            @JsonProperty("InServiceDate") String inServiceDate,
            @JsonProperty("Site") SiteXml site,
            @JsonProperty("SipPeer") SipPeerXml sipPeer) {
    }

    public record SiteXml(@JsonProperty("Id") String id, @JsonProperty("Name") String name) {
    }

    public record SipPeerXml(@JsonProperty("PeerId") String peerId, @JsonProperty("PeerName") String peerName) {
    }
}
