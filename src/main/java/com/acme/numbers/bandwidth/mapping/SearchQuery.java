package com.acme.numbers.bandwidth.mapping;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.acme.numbers.ordering.NumberSearch;
import com.acme.numbers.ordering.model.SearchCriteria;

/** Query parameters of {@code GET availableNumbers}, with Bandwidth's names ({@code enableTNDetail}, {@code LCA}). */
public final class SearchQuery {

    private SearchQuery() {
    }

    public static MultiValueMap<String, String> of(NumberSearch search) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        SearchCriteria c = search.criteria();
        put(params, "areaCode", c.areaCode());
        put(params, "npaNxx", c.npaNxx());
        put(params, "npaNxxx", c.npaNxxx());
        put(params, "rateCenter", c.rateCenter());
        put(params, "state", c.state());
        put(params, "city", c.city());
        put(params, "zip", c.zip());
        put(params, "lata", c.lata());
        put(params, "localVanity", c.localVanity());
        put(params, "endsIn", c.endsIn());
        put(params, "tollFreeVanity", c.tollFreeVanity());
        put(params, "tollFreeWildCardPattern", c.tollFreeWildCardPattern());
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
