package com.acme.numbers.ordering;

import java.util.Optional;

/** Per-account defaults that let callers leave out the site and SIP peer of an order. */
public interface AccountDefaults {

    Optional<String> siteId(String accountId);

    Optional<String> peerId(String accountId);
}
