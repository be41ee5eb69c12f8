package com.acme.numbers.bandwidth.xml;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** {@code <Order>}: the body of {@code POST /orders}, and its echo inside {@code OrderResponse}. */
@JacksonXmlRootElement(localName = "Order")
@JsonInclude(JsonInclude.Include.NON_NULL)
/* The order of Bandwidth's own request samples: reference, name, backorder choice, the type, partial choice, site. */
@JsonPropertyOrder({ "id", "CustomerOrderId", "Name", "BackOrderRequested", "ExistingTelephoneNumberOrderType",
        "AreaCodeSearchAndOrderType", "RateCenterSearchAndOrderType", "NPANXXSearchAndOrderType",
        "CitySearchAndOrderType", "StateSearchAndOrderType", "ZIPSearchAndOrderType", "LATASearchAndOrderType",
        "TollFreeVanitySearchAndOrderType", "TollFreeWildCharSearchAndOrderType", "CombinedSearchAndOrderType",
        "PartialAllowed", "SiteId", "PeerId", "OrderCreateDate", "TnAttributes" })
public record OrderXml(
        @JsonProperty("id") String id,
        @JsonProperty("Name") @JsonAlias("name") String name,
        @JsonProperty("CustomerOrderId") String customerOrderId,
        @JsonProperty("SiteId") String siteId,
        @JsonProperty("PeerId") String peerId,
        @JsonProperty("PartialAllowed") Boolean partialAllowed,
        @JsonProperty("BackOrderRequested") Boolean backOrderRequested,
        @JsonProperty("OrderCreateDate") String orderCreateDate,
        @JsonProperty("TnAttributes") TnAttributesXml tnAttributes,
        @JsonProperty("ExistingTelephoneNumberOrderType") ExistingNumbersXml existingTelephoneNumberOrderType,
        @JsonProperty("AreaCodeSearchAndOrderType") SearchAndOrderXml areaCodeSearchAndOrderType,
        @JsonProperty("RateCenterSearchAndOrderType") SearchAndOrderXml rateCenterSearchAndOrderType,
        @JsonProperty("NPANXXSearchAndOrderType") SearchAndOrderXml npaNxxSearchAndOrderType,
        @JsonProperty("CitySearchAndOrderType") SearchAndOrderXml citySearchAndOrderType,
        @JsonProperty("StateSearchAndOrderType") SearchAndOrderXml stateSearchAndOrderType,
        @JsonProperty("ZIPSearchAndOrderType") SearchAndOrderXml zipSearchAndOrderType,
        @JsonProperty("LATASearchAndOrderType") SearchAndOrderXml lataSearchAndOrderType,
        @JsonProperty("TollFreeVanitySearchAndOrderType") SearchAndOrderXml tollFreeVanitySearchAndOrderType,
        @JsonProperty("TollFreeWildCharSearchAndOrderType") SearchAndOrderXml tollFreeWildCharSearchAndOrderType,
        @JsonProperty("CombinedSearchAndOrderType") SearchAndOrderXml combinedSearchAndOrderType) {

    public record TnAttributesXml(@JsonProperty("TnAttribute") List<String> attributes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExistingNumbersXml(
            @JsonProperty("TelephoneNumberList") TelephoneNumberListXml telephoneNumberList,
            @JsonProperty("ReservationIdList") ReservationIdListXml reservationIdList) {
    }

    public record ReservationIdListXml(@JsonProperty("ReservationId") List<String> reservationIds) {
    }

    /**
     * The children of every {@code *SearchAndOrderType}; each type sets only its own. Bandwidth's names are kept
     * exactly: {@code NpaNxx}, {@code NpaNxxX}, {@code LATA} (some payloads say {@code Lata}) and
     * {@code TollFreeWildCardPattern} inside the {@code TollFreeWildChar} type.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "AreaCode", "RateCenter", "City", "State", "Zip", "LATA", "NpaNxx", "NpaNxxX",
            "TollFreeVanity", "TollFreeWildCardPattern", "LocalVanity", "EndsIn", "EnableLCA", "Quantity" })
    public record SearchAndOrderXml(
            @JsonProperty("AreaCode") String areaCode,
            @JsonProperty("RateCenter") String rateCenter,
            @JsonProperty("City") String city,
            @JsonProperty("State") String state,
            @JsonProperty("Zip") String zip,
            @JsonProperty("LATA") @JsonAlias("Lata") String lata,
            @JsonProperty("NpaNxx") String npaNxx,
            @JsonProperty("NpaNxxX") String npaNxxX,
            @JsonProperty("TollFreeVanity") String tollFreeVanity,
            @JsonProperty("TollFreeWildCardPattern") String tollFreeWildCardPattern,
            @JsonProperty("LocalVanity") String localVanity,
            @JsonProperty("EndsIn") Boolean endsIn,
            @JsonProperty("EnableLCA") Boolean enableLca,
            @JsonProperty("Quantity") Integer quantity) {
    }
}
