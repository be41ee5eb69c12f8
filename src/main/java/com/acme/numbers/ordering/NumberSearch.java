package com.acme.numbers.ordering;

import com.acme.numbers.ordering.model.SearchCriteria;

/**
 * A validated search for available numbers.
 *
 * @param criteria where to look
 * @param quantity how many numbers at most (1-5000)
 * @param details whether rate center, city, LATA, tier and vendor are wanted per number
 * @param localCallingArea include the local calling area (null leaves Bandwidth's default)
 * @param orderBy sort key, or null
 * @param protectedStatus NONE, ONLY or MIXED, or null
 */
public record NumberSearch(
        SearchCriteria criteria,
        int quantity,
        boolean details,
        Boolean localCallingArea,
        String orderBy,
        String protectedStatus) {
}
