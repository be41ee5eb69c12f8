package com.acme.numbers.ordering.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Where numbers should come from: the keys shared by number searches and search-and-order selections.
 * Every component is optional; which ones are required depends on the search or selection type.
 */
public record SearchCriteria(
        String areaCode,
        String npaNxx,
        String npaNxxx,
        String rateCenter,
        String state,
        String city,
        String zip,
        String lata,
        String localVanity,
        Boolean endsIn,
        String tollFreeVanity,
        String tollFreeWildCardPattern) {

    /** The keys that are set, by their API names, in the table's order. */
    public Map<String, Object> present() {
        Map<String, Object> keys = new LinkedHashMap<>();
        for (SearchKey key : SearchKey.values()) {
            Object value = key.valueIn(this);
            if (value != null) {
                keys.put(key.apiName(), value);
            }
        }
        return keys;
    }

    /** Criteria from each key's value as {@code values} gives it: a String, or a Boolean for a flag. */
    public static SearchCriteria of(Function<SearchKey, Object> values) {
        return new SearchCriteria(text(values, SearchKey.AREA_CODE), text(values, SearchKey.NPA_NXX),
                text(values, SearchKey.NPA_NXXX), text(values, SearchKey.RATE_CENTER), text(values, SearchKey.STATE),
                text(values, SearchKey.CITY), text(values, SearchKey.ZIP), text(values, SearchKey.LATA),
                text(values, SearchKey.LOCAL_VANITY), (Boolean) values.apply(SearchKey.ENDS_IN),
                text(values, SearchKey.TOLL_FREE_VANITY), text(values, SearchKey.TOLL_FREE_WILD_CARD_PATTERN));
    }

    private static String text(Function<SearchKey, Object> values, SearchKey key) {
        return (String) values.apply(key);
    }

    public static SearchCriteria none() {
        return of(key -> null);
    }

    public boolean isTollFree() {
        return tollFreeVanity != null || tollFreeWildCardPattern != null;
    }

    public boolean hasLocalKey() {
        return areaCode != null || npaNxx != null || npaNxxx != null || rateCenter != null || state != null
                || city != null || zip != null || lata != null || localVanity != null;
    }
}
