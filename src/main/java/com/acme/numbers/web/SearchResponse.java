package com.acme.numbers.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import com.acme.numbers.ordering.model.SearchResult;

/** The numbers a search found. */
record SearchResponse(@Schema(example = "1") int count, List<AvailableNumberResponse> numbers) {

    static SearchResponse of(SearchResult result) {
        return new SearchResponse(result.count(), result.numbers().stream().map(AvailableNumberResponse::of).toList());
    }
}
