package com.acme.numbers.bandwidth.mapping;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.acme.numbers.ordering.NumberSearch;
import com.acme.numbers.ordering.model.SearchCriteria;
import com.acme.numbers.ordering.model.SearchKey;

/**
 * Query parameters of {@code GET availableNumbers}: the search keys under their own names, which Bandwidth shares,
 * and the options under Bandwidth's ({@code enableTNDetail}, {@code LCA}, {@code protected}).
 */
public final class SearchQuery {

    private SearchQuery() {
    }

    public static MultiValueMap<String, String> of(NumberSearch search) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        SearchCriteria c = search.criteria();
        for (SearchKey key : SearchKey.values()) {
            put(params, key.apiName(), key.valueIn(c));
        }
        put(params, "quantity", search.quantity());
        if (search.details()) {
            put(params, "enableTNDetail", true);
        }
        put(params, "LCA", search.localCallingArea());
        put(params, "orderBy", search.orderBy());
        put(params, "protected", search.protectedStatus());
        return params;
    }

    private static void put(MultiValueMap<String, String> params, String name, Object value) {
        if (value != null) {
            params.add(name, value.toString());
        }
    }
}
