package com.acme.numbers.ordering.model;

import java.util.List;

/** What a number search found. */
public record SearchResult(int count, List<AvailableNumber> numbers) {

    public SearchResult {
        numbers = List.copyOf(numbers);
    }
}
