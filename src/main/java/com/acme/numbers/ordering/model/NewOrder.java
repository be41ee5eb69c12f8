package com.acme.numbers.ordering.model;

/**
 * A number order as the caller asked for it, before it is sent upstream.
 *
 * @param name label of the order
 * @param siteId Bandwidth site (sub-account) the numbers go to
 * @param peerId SIP peer (location), or null for the site's default
 * @param customerOrderId the caller's own reference, or null
 * @param partialAllowed accept an order that gets only some of its numbers
 * @param backOrderRequested wait for inventory instead of failing
 * @param protectedNumbers mark the numbers as protected
 * @param selection which numbers
 */
public record NewOrder(
        String name,
        String siteId,
        String peerId,
        String customerOrderId,
        boolean partialAllowed,
        boolean backOrderRequested,
        boolean protectedNumbers,
        NumberSelection selection) {

    /** The same order with this reference, unless the caller gave one. */
    public NewOrder withCustomerOrderIdIfAbsent(String reference) {
        return customerOrderId != null ? this : new NewOrder(name, siteId, peerId, reference, partialAllowed,
                backOrderRequested, protectedNumbers, selection);
    }

    public NewOrder withSite(String site, String peer) {
        return new NewOrder(name, site, peer, customerOrderId, partialAllowed, backOrderRequested, protectedNumbers,
                selection);
    }
}
