package com.acme.numbers.ordering;

import java.util.Optional;
import java.util.Set;

import com.acme.numbers.ordering.model.NewOrder;

/** Per-account defaults that let callers leave out the site and SIP peer of an order. */
public interface AccountDefaults {

    Optional<String> siteId(String accountId);

    Optional<String> peerId(String accountId);

    /** The accounts configured here (each may have defaults), for work done per account such as subscriptions. */
    default Set<String> accounts() {
        return Set.of();
    }

    /** The order with the account's default site (and peer, unless it names one) when it names no site. */
    default NewOrder appliedTo(String accountId, NewOrder order) {
        if (order.siteId() != null) {
            return order;
        }
        String site = siteId(accountId).orElse(null);
        String peer = order.peerId() != null ? order.peerId() : peerId(accountId).orElse(null);
        return order.withSite(site, peer);
    }
}
