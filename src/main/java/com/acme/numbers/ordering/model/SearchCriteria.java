package com.acme.numbers.ordering.model;

import java.util.LinkedHashMap;
import java.util.Map;

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

    /** The keys that are set, by their API names, in declaration order. */
    public Map<String, Object> present() {
        Map<String, Object> keys = new LinkedHashMap<>();
        put(keys, "areaCode", areaCode);
        put(keys, "npaNxx", npaNxx);
        put(keys, "npaNxxx", npaNxxx);
        put(keys, "rateCenter", rateCenter);
        put(keys, "state", state);
        put(keys, "city", city);
        put(keys, "zip", zip);
        put(keys, "lata", lata);
        put(keys, "localVanity", localVanity);
        put(keys, "endsIn", endsIn);
        put(keys, "tollFreeVanity", tollFreeVanity);
        put(keys, "tollFreeWildCardPattern", tollFreeWildCardPattern);
        return keys;
    }

    private static void put(Map<String, Object> keys, String name, Object value) {
        if (value != null) {
            keys.put(name, value);
        }
    }

    public static SearchCriteria none() {
        return new SearchCriteria(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public boolean isTollFree() {
        return tollFreeVanity != null || tollFreeWildCardPattern != null;
    }

    public boolean hasLocalKey() {
        return areaCode != null || npaNxx != null || npaNxxx != null || rateCenter != null || state != null
                || city != null || zip != null || lata != null || localVanity != null;
    }
}
