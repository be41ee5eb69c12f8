package com.acme.numbers.ordering;

import com.acme.numbers.ordering.model.SearchCriteria;
import com.acme.numbers.ordering.model.SearchKey;

/** The input formats Bandwidth accepts for the search keys ({@link SearchKey}; digest section 2, codes 4000-4008). */
final class CriteriaRules {

    private CriteriaRules() {
    }

    /** FieldChecks the format of every key present; {@code prefix} is prepended to field names. */
    static void checkFormats(SearchCriteria c, String prefix, FieldChecks checks) {
        for (SearchKey key : SearchKey.values()) {
            // a search names one or two of the keys: the field name and message are built only for those
            if (!key.isFlag() && key.valueIn(c) instanceof String value) {
                checks.pattern(prefix + key.apiName(), value, key.format(), "must be " + key.description());
            }
        }
        checks.requires(prefix + "rateCenter", c.rateCenter(), prefix + "state", c.state());
        checks.requires(prefix + "city", c.city(), prefix + "state", c.state());
    }
}
