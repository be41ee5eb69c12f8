package com.acme.numbers.ordering.model;

/** How an order chooses its numbers. */
public enum SelectionType {
    PHONE_NUMBERS, AREA_CODE, NPA_NXX, NPA_NXXX, RATE_CENTER, CITY, STATE, ZIP, LATA,
    TOLL_FREE_VANITY, TOLL_FREE_WILD_CARD, LOCAL_VANITY;

    /** Bandwidth refuses back orders for specific numbers, NPA-NXX(-X) and vanity orders (5522). */
    public boolean allowsBackOrder() {
        return switch (this) {
            case PHONE_NUMBERS, NPA_NXX, NPA_NXXX, LOCAL_VANITY, TOLL_FREE_VANITY -> false;
            default -> true;
        };
    }
}
