package com.acme.numbers.events;

/** Names one order or disconnect in the ledger. */
public record LedgerKey(OrderKind kind, String accountId, String id) {

    /** A compact form for stores: {@code KIND|account|id} (ids hold no '|'). */
    public String encoded() {
        return kind.name() + '|' + accountId + '|' + id;
    }

    public static LedgerKey decode(String encoded) {
        String[] parts = encoded.split("\\|", 3);
        return new LedgerKey(OrderKind.valueOf(parts[0]), parts[1], parts[2]);
    }
}
