package com.acme.numbers.ordering.model;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one table of the keys that say where numbers come from. Each key's API name (which Bandwidth's
 * {@code availableNumbers} query spells the same), its format, and an example feed the validation, the upstream
 * query and the API description alike, so the three cannot drift apart. A key without a format is a flag.
 */
public enum SearchKey {
    AREA_CODE("areaCode", "[2-9]\\d{2}", "3 digits, the first 2-9", "919", SearchCriteria::areaCode),
    NPA_NXX("npaNxx", "[2-9]\\d{2}[2-9]\\d{2}", "6 digits (area code and exchange)", "919555",
            SearchCriteria::npaNxx),
    NPA_NXXX("npaNxxx", "[2-9]\\d{2}[2-9]\\d{3}", "7 digits (area code, exchange, one digit)", "9195551",
            SearchCriteria::npaNxxx),
    RATE_CENTER("rateCenter", "[A-Z0-9 ]{1,10}",
            "a rate center abbreviation (upper-case letters, digits, spaces; at most 10)", "RALEIGH",
            SearchCriteria::rateCenter),
    STATE("state", "[A-Z]{2}", "a two-letter upper-case state code", "NC", SearchCriteria::state),
    CITY("city", "[A-Za-z][A-Za-z .'-]{0,49}", "a city name of at most 50 letters", "Raleigh", SearchCriteria::city),
    ZIP("zip", "\\d{5}(-\\d{4})?", "a 5-digit or ZIP+4 (XXXXX-XXXX) code", "27606", SearchCriteria::zip),
    LATA("lata", "\\d{1,5}", "1 to 5 digits", "426", SearchCriteria::lata),
    LOCAL_VANITY("localVanity", Formats.VANITY, "4 to 7 letters or digits", "CAFE", SearchCriteria::localVanity),
    ENDS_IN("endsIn", null, "with localVanity: match at the end", "true", SearchCriteria::endsIn),
    TOLL_FREE_VANITY("tollFreeVanity", Formats.VANITY, "4 to 7 letters or digits", "FLOWERS",
            SearchCriteria::tollFreeVanity),
    TOLL_FREE_WILD_CARD_PATTERN("tollFreeWildCardPattern", "8[0-9*]\\*", "a toll-free pattern such as 8**, 80* or 87*",
            "8**", SearchCriteria::tollFreeWildCardPattern);

    private final String apiName;
    private final Pattern format;
    private final String description;
    private final String example;
    private final Function<SearchCriteria, Object> value;

    SearchKey(String apiName, String format, String description, String example,
            Function<SearchCriteria, Object> value) {
        this.apiName = apiName;
        this.format = format == null ? null : Pattern.compile(format);
        this.description = description;
        this.example = example;
        this.value = value;
    }

    public String apiName() {
        return apiName;
    }

    /** The format a text key's value must match; {@code null} for a flag. */
    public Pattern format() {
        return format;
    }

    public boolean isFlag() {
        return format == null;
    }

    /** What a valid value looks like (for a text key) or what the flag does. */
    public String description() {
        return description;
    }

    public String example() {
        return example;
    }

    /** This key's value in {@code criteria}: a String, a Boolean for a flag, or {@code null}. */
    public Object valueIn(SearchCriteria criteria) {
        return value.apply(criteria);
    }

    private static final class Formats {
        static final String VANITY = "[A-Za-z0-9]{4,7}";
    }
}
