package com.acme.numbers.bandwidth.xml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** {@code <Reservation>}: the request body of a reservation, and the content of {@code ReservationResponse}. */
@JacksonXmlRootElement(localName = "Reservation")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReservationXml(
        @JsonProperty("ReservationId") String reservationId,
        @JsonProperty("AccountId") String accountId,
        @JsonProperty("ReservationExpires") Long reservationExpires,
        @JsonProperty("ReservedTn") String reservedTn) {

    public static ReservationXml request(String tn) {
        return new ReservationXml(null, null, null, tn);
    }

    public record ResponseXml(@JsonProperty("Reservation") ReservationXml reservation) {
    }
}
