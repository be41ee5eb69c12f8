package com.acme.numbers.ordering.model;

import java.util.List;

/**
 * Which numbers an order asks for: either specific numbers (optionally reserved) or a search with a quantity.
 *
 * @param type the kind of selection
 * @param phoneNumbers the numbers, for {@link SelectionType#PHONE_NUMBERS}
 * @param reservationIds reservations that hold those numbers, if any
 * @param criteria the search keys, for every other type
 * @param quantity how many numbers a search-and-order should buy
 * @param localCallingArea include the local calling area, where the type allows it
 */
public record NumberSelection(
        SelectionType type,
        List<PhoneNumber> phoneNumbers,
        List<String> reservationIds,
        SearchCriteria criteria,
        Integer quantity,
        Boolean localCallingArea) {

    public NumberSelection {
        phoneNumbers = phoneNumbers == null ? List.of() : List.copyOf(phoneNumbers);
        reservationIds = reservationIds == null ? List.of() : List.copyOf(reservationIds);
        criteria = criteria == null ? SearchCriteria.none() : criteria;
    }

    public static NumberSelection of(List<PhoneNumber> numbers, List<String> reservationIds) {
        return new NumberSelection(SelectionType.PHONE_NUMBERS, numbers, reservationIds, null, null, null);
    }
}
