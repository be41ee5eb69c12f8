package com.acme.numbers.config;

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

    /**
     * @param defaultSiteId site used when an order names none
     * @param defaultPeerId SIP peer used when an order names none
     */
    public record Account(String defaultSiteId, String defaultPeerId) {
    }
}
