package com.acme.numbers.sandbox;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.acme.numbers.sandbox.SandboxInventory.Tn;
import com.acme.numbers.sandbox.xml.SandboxError;

/**
 * Search keys as Bandwidth receives them, from a query string or from a {@code *SearchAndOrderType} element, with
 * Bandwidth's input error codes (4000-4010) and its matching rules, vanity letters mapped on the phone keypad.
 */
record SandboxCriteria(String areaCode, String npaNxx, String npaNxxx, String rateCenter, String state, String city,
        String zip, String lata, String localVanity, boolean endsIn, String tollFreeVanity, String tollFreeWildCard,
        boolean lca) {

    private static final Pattern AREA_CODE = Pattern.compile("[2-9]\\d{2}");
    private static final Pattern NPA_NXX = Pattern.compile("[2-9]\\d{2}[2-9]\\d{2}");
    private static final Pattern NPA_NXXX = Pattern.compile("[2-9]\\d{2}[2-9]\\d{3}");
    private static final Pattern RATE_CENTER = Pattern.compile("[A-Za-z0-9 ]{1,10}");
    private static final Pattern STATE = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern CITY = Pattern.compile("[A-Za-z .'-]{1,50}");
    private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
    private static final Pattern LATA = Pattern.compile("\\d{1,5}");
    private static final Pattern VANITY = Pattern.compile("[A-Za-z0-9]{4,7}");
    private static final Pattern WILD_CARD = Pattern.compile("8[0-9*]\\*");

    /** Reads the keys through {@code value}, which looks a name up case-insensitively. */
    static SandboxCriteria read(Function<String, String> value) {
        return new SandboxCriteria(value.apply("areaCode"), value.apply("npaNxx"), value.apply("npaNxxx"),
                value.apply("rateCenter"), value.apply("state"), value.apply("city"), value.apply("zip"),
                value.apply("lata"), value.apply("localVanity"), "true".equalsIgnoreCase(value.apply("endsIn")),
                value.apply("tollFreeVanity"), wildCard(value),
                !"false".equalsIgnoreCase(lcaValue(value)));
    }

    private static String wildCard(Function<String, String> value) {
        String pattern = value.apply("tollFreeWildCardPattern");
        return pattern != null ? pattern : value.apply("tollFreeWildCharPattern");
    }

    private static String lcaValue(Function<String, String> value) {
        String lca = value.apply("LCA");
        return lca != null ? lca : value.apply("EnableLCA");
    }

    boolean isEmpty() {
        return areaCode == null && npaNxx == null && npaNxxx == null && rateCenter == null && state == null
                && city == null && zip == null && lata == null && localVanity == null && tollFreeVanity == null
                && tollFreeWildCard == null;
    }

    boolean isTollFree() {
        return tollFreeVanity != null || tollFreeWildCard != null;
    }

    /** Throws Bandwidth's search input error for the first malformed key. */
    void validate() {
        check(areaCode, AREA_CODE, "4000", "area code");
        check(rateCenter, RATE_CENTER, "4001", "rate center");
        check(npaNxx, NPA_NXX, "4002", "NPA-NXX");
        check(npaNxxx, NPA_NXXX, "4002", "NPA-NXX-X");
        check(tollFreeVanity, VANITY, "4003", "toll free vanity");
        check(tollFreeWildCard, WILD_CARD, "4004", "toll free wild card pattern");
        check(city, CITY, "4005", "city");
        check(state, STATE, "4006", "state");
        check(zip, ZIP, "4007", "zip");
        check(lata, LATA, "4008", "LATA");
        check(localVanity, VANITY, "4010", "local vanity");
        if (isEmpty()) {
            throw new SandboxError(400, "4010", "One of areaCode, npaNxx, npaNxxx, rateCenter and state, state, "
                    + "city and state, zip, lata, localVanity, tollFreeVanity or tollFreeWildCardPattern is required");
        }
        if ((rateCenter != null || city != null) && state == null) {
            throw new SandboxError(400, "4010", "rateCenter and city searches require state");
        }
        if (isTollFree() && (localVanity != null || areaCode != null || npaNxx != null || state != null)) {
            throw new SandboxError(400, "4010", "Toll free searches cannot be combined with local criteria");
        }
    }

    private static void check(String value, Pattern pattern, String code, String what) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw new SandboxError(400, code, "The " + what + " '" + value + "' is invalid");
        }
    }

    boolean matches(Tn tn) {
        if (isTollFree()) {
            return tn.tollFree() && matchesTollFree(tn);
        }
        return !tn.tollFree()
                && (areaCode == null || tn.npa().equals(areaCode))
                && (npaNxx == null || tn.number().startsWith(npaNxx))
                && (npaNxxx == null || tn.number().startsWith(npaNxxx))
                && (rateCenter == null || tn.rateCenter().equalsIgnoreCase(rateCenter))
                && (state == null || tn.state().equalsIgnoreCase(state))
                && (city == null || tn.city().equalsIgnoreCase(city))
                && (zip == null || tn.zip().equals(zip.substring(0, 5)))
                && (lata == null || tn.lata().equals(lata))
                && (localVanity == null || matchesVanity(tn.number(), localVanity, endsIn));
    }

    /** Local calling area: rate-center and NPA-NXX searches also reach the LATA around the exact matches. */
    boolean widensToLata() {
        return lca && !isTollFree() && (rateCenter != null || npaNxx != null || npaNxxx != null);
    }

    private boolean matchesTollFree(Tn tn) {
        if (tollFreeVanity != null) {
            return matchesVanity(tn.number(), tollFreeVanity, false);
        }
        String prefix = tollFreeWildCard.replace("*", "");
        return tn.npa().startsWith(prefix);
    }

    private static boolean matchesVanity(String number, String vanity, boolean atEnd) {
        String digits = keypad(vanity);
        String last7 = number.substring(3);
        return atEnd ? last7.endsWith(digits) : last7.contains(digits);
    }

    static String keypad(String word) {
        StringBuilder digits = new StringBuilder();
        for (char c : word.toUpperCase(Locale.ROOT).toCharArray()) {
            digits.append(Character.isDigit(c) ? c : keypadDigit(c));
        }
        return digits.toString();
    }

    private static char keypadDigit(char letter) {
        String keys = "22233344455566677778889999";
        return keys.charAt(letter - 'A');
    }
}
