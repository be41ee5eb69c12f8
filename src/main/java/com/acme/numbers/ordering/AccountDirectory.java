package com.acme.numbers.ordering;

import reactor.core.publisher.Mono;

/** Outbound port: what the account holds besides numbers, as far as an order needs to know before it is placed. */
public interface AccountDirectory {

    /** @return whether the account has this site (sub-account) */
    Mono<Boolean> siteExists(String accountId, String siteId);

    /** @return whether the site has this SIP peer */
    Mono<Boolean> sipPeerExists(String accountId, String siteId, String peerId);
}
