package com.acme.numbers.ordering;

import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.model.NumberDetails;
import com.acme.numbers.ordering.model.PhoneNumber;
import com.acme.numbers.ordering.model.Reservation;
import com.acme.numbers.ordering.model.SearchResult;

/** Outbound port: finding, holding and looking up numbers. */
public interface NumberInventory {

    /** @return the numbers found; an empty result is not an error */
    Mono<SearchResult> search(String accountId, NumberSearch search);

    /** @return the new reservation; {@link NumberUnavailableException} when the number is taken */
    Mono<Reservation> reserve(String accountId, PhoneNumber number);

    /** @return the reservation; {@link NotFoundException} when unknown or expired */
    Mono<Reservation> reservation(String accountId, String reservationId);

    /** Releases a reservation; {@link NotFoundException} when unknown. */
    Mono<Void> release(String accountId, String reservationId);

    /** @return the number's details; {@link NotFoundException} when it is not on this account */
    Mono<NumberDetails> details(String accountId, PhoneNumber number);
}
