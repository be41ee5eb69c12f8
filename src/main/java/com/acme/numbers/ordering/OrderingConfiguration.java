package com.acme.numbers.ordering;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the domain: the use cases on their ports, and the account defaults from {@code gateway.accounts}, which the
 * application may extend (the sandbox adds its own account there). Other rooms may wrap the ordering port (the order
 * ledger records what it places and reads).
 */
@Configuration(proxyBeanMethods = false)
class OrderingConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OrderingService orderingService(NumberInventory inventory, NumberOrdering ordering, AccountDefaults defaults,
            Clock clock, ObjectProvider<UnaryOperator<NumberOrdering>> extensions, ObjectProvider<OrderWatch> watch) {
        NumberOrdering extended = extensions.orderedStream()
                .reduce(ordering, (current, extension) -> extension.apply(current), (first, second) -> second);
        return new OrderingService(inventory, extended, defaults, clock, watch.getIfAvailable(() -> OrderWatch.NONE));
    }

    @Bean
    OrderChecks orderChecks(NumberInventory inventory, AccountDirectory directory, AccountDefaults defaults,
            Clock clock) {
        return new OrderChecks(inventory, directory, defaults, clock);
    }

    @Bean
    ReservationBatches reservationBatches(NumberInventory inventory, ReservationBatchStore batches, Clock clock) {
        return new ReservationBatches(inventory, batches, clock);
    }

    /** One instance only; with {@code gateway.state.store=redis} the batches live in Redis. */
    @Bean
    @ConditionalOnProperty(name = "gateway.state.store", havingValue = "memory", matchIfMissing = true)
    ReservationBatchStore reservationBatchStore(Clock clock) {
        return new InMemoryReservationBatchStore(clock, Duration.ofHours(24), 10_000);
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

            @Override
            public Set<String> accounts() {
                return accounts.keySet();
            }
        };
    }
}
