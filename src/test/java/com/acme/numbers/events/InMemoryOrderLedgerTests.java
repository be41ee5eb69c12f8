package com.acme.numbers.events;

import java.time.Clock;

class InMemoryOrderLedgerTests extends OrderLedgerContract {

    private final InMemoryOrderLedger ledger = new InMemoryOrderLedger(Clock.systemUTC(), 1000);

    @Override
    protected OrderLedger ledger() {
        return ledger;
    }

    @Override
    protected EventOutbox outbox() {
        return ledger;
    }
}
