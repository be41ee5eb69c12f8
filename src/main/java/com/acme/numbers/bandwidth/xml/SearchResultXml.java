package com.acme.numbers.bandwidth.xml;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET availableNumbers}: either a plain number list or, with enableTNDetail, a detail list. */
public record SearchResultXml(
        @JsonProperty("ResultCount") Integer resultCount,
        @JsonProperty("TelephoneNumberList") TelephoneNumberListXml telephoneNumberList,
        @JsonProperty("TelephoneNumberDetailList") DetailListXml telephoneNumberDetailList) {

    public record DetailListXml(@JsonProperty("TelephoneNumberDetail") List<TelephoneNumberDetailXml> details) {
    }

    /** {@code FullNumber} is canonical; older payloads carry {@code TelephoneNumber} instead. */
    public record TelephoneNumberDetailXml(
            @JsonProperty("City") String city,
            @JsonProperty("LATA") String lata,
            @JsonProperty("RateCenter") String rateCenter,
            @JsonProperty("State") String state,
            @JsonProperty("FullNumber") String fullNumber,
            @JsonProperty("TelephoneNumber") String telephoneNumber,
            @JsonProperty("Tier") String tier,
            @JsonProperty("VendorId") String vendorId,
            @JsonProperty("VendorName") String vendorName) {

        public String number() {
            return fullNumber != null ? fullNumber : telephoneNumber;
        }
    }
}
