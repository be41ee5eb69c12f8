package com.acme.numbers.ordering;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Per-account settings ({@code gateway.accounts.<accountId>.*}).
 *
 * @param accounts settings by Bandwidth account id
 */
@ConfigurationProperties("gateway")
public record AccountsProperties(@Name("accounts") Map<String, Account> accounts) {

    public AccountsProperties {
        accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
    }

    /** These settings, plus {@code account}'s when none are configured for it. */
    public AccountsProperties withDefault(String accountId, Account account) {
        Map<String, Account> all = new HashMap<>(accounts);
        all.putIfAbsent(accountId, account);
        return new AccountsProperties(all);
    }

    /**
     * @param defaultSiteId site used when an order names none
     * @param defaultPeerId SIP peer used when an order names none
     */
    public record Account(String defaultSiteId, String defaultPeerId) {
    }
}
