package com.acme.numbers.ordering;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the domain: the use cases on their ports, and the account defaults from {@code gateway.accounts}, which the
 * application may extend (the sandbox adds its own account there).
 */
@Configuration(proxyBeanMethods = false)
class OrderingConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OrderingService orderingService(NumberInventory inventory, NumberOrdering ordering, AccountDefaults defaults,
            Clock clock) {
        return new OrderingService(inventory, ordering, defaults, clock);
    }

    @Bean
    AccountDefaults accountDefaults(AccountsProperties configured,
            ObjectProvider<UnaryOperator<AccountsProperties>> extensions) {
        AccountsProperties accounts = extensions.orderedStream()
                .reduce(configured, (current, extension) -> extension.apply(current), (first, second) -> second);
        return byAccount(accounts.accounts());
    }

    private static AccountDefaults byAccount(Map<String, AccountsProperties.Account> accounts) {
        return new AccountDefaults() {
            @Override
            public Optional<String> siteId(String accountId) {
                return Optional.ofNullable(accounts.get(accountId)).map(AccountsProperties.Account::defaultSiteId);
            }

            @Override
            public Optional<String> peerId(String accountId) {
                return Optional.ofNullable(accounts.get(accountId)).map(AccountsProperties.Account::defaultPeerId);
            }
        };
    }
}
