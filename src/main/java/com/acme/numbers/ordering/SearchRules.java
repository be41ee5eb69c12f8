package com.acme.numbers.ordering;

import java.util.Set;

import com.acme.numbers.ordering.model.SearchCriteria;

/** Validates a number search the way Bandwidth would, so invalid searches never leave the gateway. */
final class SearchRules {

    static final Set<String> ORDER_BY = Set.of("fullNumber", "npaNxxx", "npaNxx", "areaCode");
    static final Set<String> PROTECTED = Set.of("NONE", "ONLY", "MIXED");

    private SearchRules() {
    }

    static void validate(NumberSearch search) {
        FieldChecks checks = new FieldChecks();
        SearchCriteria c = search.criteria();
        CriteriaRules.checkFormats(c, "", checks);
        checks.range("quantity", search.quantity(), 1, 5000);
        if (!c.hasLocalKey() && !c.isTollFree()) {
            checks.add("search", "give at least one of areaCode, npaNxx, npaNxxx, rateCenter+state, state, "
                    + "city+state, zip, lata, localVanity, tollFreeVanity, tollFreeWildCardPattern");
        }
        if (c.isTollFree()) {
            checkTollFree(search, checks);
        }
        if (c.endsIn() != null && c.localVanity() == null) {
            checks.add("endsIn", "applies only together with localVanity");
        }
        if (search.localCallingArea() != null && c.npaNxx() == null && c.npaNxxx() == null && c.rateCenter() == null) {
            checks.add("localCallingArea", "applies only to npaNxx, npaNxxx and rateCenter searches");
        }
        checkOrderBy(search, checks);
        if (search.protectedStatus() != null && !PROTECTED.contains(search.protectedStatus())) {
            checks.add("protectedStatus", "must be one of NONE, ONLY, MIXED");
        }
        checks.throwIfAny();
    }

    private static void checkTollFree(NumberSearch search, FieldChecks checks) {
        SearchCriteria c = search.criteria();
        if (c.tollFreeVanity() != null && c.tollFreeWildCardPattern() != null) {
            checks.add("tollFreeVanity", "cannot be combined with tollFreeWildCardPattern");
        }
        if (c.hasLocalKey()) {
            checks.add("search", "toll-free searches cannot be combined with local search keys");
        }
        checks.absent("localCallingArea", search.localCallingArea(), "does not apply to toll-free searches");
        checks.absent("protectedStatus", search.protectedStatus(), "does not apply to toll-free searches");
    }

    private static void checkOrderBy(NumberSearch search, FieldChecks checks) {
        String orderBy = search.orderBy();
        if (orderBy == null) {
            return;
        }
        if (!ORDER_BY.contains(orderBy)) {
            checks.add("orderBy", "must be one of fullNumber, npaNxxx, npaNxx, areaCode");
            return;
        }
        SearchCriteria c = search.criteria();
        boolean sortable = c.npaNxx() != null || c.npaNxxx() != null || c.rateCenter() != null || c.city() != null
                || c.zip() != null || c.isTollFree();
        if (!sortable) {
            checks.add("orderBy", "needs one of npaNxx, npaNxxx, rateCenter, city, zip or a toll-free search");
        }
    }
}
