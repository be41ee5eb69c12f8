package com.acme.numbers.ordering;

import java.util.regex.Pattern;

import com.acme.numbers.ordering.model.SearchCriteria;

/** The input formats Bandwidth accepts for each search key (digest section 2, codes 4000-4008). */
final class CriteriaRules {

    static final Pattern AREA_CODE = Pattern.compile("[2-9]\\d{2}");
    static final Pattern NPA_NXX = Pattern.compile("[2-9]\\d{2}[2-9]\\d{2}");
    static final Pattern NPA_NXXX = Pattern.compile("[2-9]\\d{2}[2-9]\\d{3}");
    static final Pattern RATE_CENTER = Pattern.compile("[A-Z0-9 ]{1,10}");
    static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    static final Pattern CITY = Pattern.compile("[A-Za-z][A-Za-z .'-]{0,49}");
    static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
    static final Pattern LATA = Pattern.compile("\\d{1,5}");
    static final Pattern VANITY = Pattern.compile("[A-Za-z0-9]{4,7}");
    static final Pattern TOLL_FREE_WILD_CARD = Pattern.compile("8[0-9*]\\*");

    private CriteriaRules() {
    }

    /** FieldChecks the format of every key present; {@code prefix} is prepended to field names. */
    static void checkFormats(SearchCriteria c, String prefix, FieldChecks checks) {
        checks.pattern(prefix + "areaCode", c.areaCode(), AREA_CODE, "must be 3 digits, the first 2-9");
        checks.pattern(prefix + "npaNxx", c.npaNxx(), NPA_NXX, "must be 6 digits (area code and exchange)");
        checks.pattern(prefix + "npaNxxx", c.npaNxxx(), NPA_NXXX, "must be 7 digits (area code, exchange, one digit)");
        checks.pattern(prefix + "rateCenter", c.rateCenter(), RATE_CENTER,
                "must be a rate center abbreviation (upper-case letters, digits, spaces; at most 10)");
        checks.pattern(prefix + "state", c.state(), STATE, "must be a two-letter upper-case state code");
        checks.pattern(prefix + "city", c.city(), CITY, "must be a city name of at most 50 letters");
        checks.pattern(prefix + "zip", c.zip(), ZIP, "must be a 5-digit or ZIP+4 (XXXXX-XXXX) code");
        checks.pattern(prefix + "lata", c.lata(), LATA, "must be 1 to 5 digits");
        checks.pattern(prefix + "localVanity", c.localVanity(), VANITY, "must be 4 to 7 letters or digits");
        checks.pattern(prefix + "tollFreeVanity", c.tollFreeVanity(), VANITY, "must be 4 to 7 letters or digits");
        checks.pattern(prefix + "tollFreeWildCardPattern", c.tollFreeWildCardPattern(), TOLL_FREE_WILD_CARD,
                "must be a toll-free pattern such as 8**, 80* or 87*");
        checks.requires(prefix + "rateCenter", c.rateCenter(), prefix + "state", c.state());
        checks.requires(prefix + "city", c.city(), prefix + "state", c.state());
    }
}
