package com.acme.numbers.web.security;

import java.util.Set;

/**
 * A caller of the API and what it may do.
 *
 * @param name the client's name (for logs and audit)
 * @param accounts Bandwidth account ids it may use
 * @param scopes {@code numbers:read} and/or {@code numbers:write}; {@code sandbox:admin} for the sandbox's admin calls
 * @param requestsPerSecond requests per second it may make
 * @param maxOrderQuantity most numbers one of its orders may buy
 */
public record ApiClient(String name, Set<String> accounts, Set<String> scopes, int requestsPerSecond,
        int maxOrderQuantity) {

    /** The development client of the sandbox: generous limits. */
    public static ApiClient developer(String name, Set<String> accounts) {
        return new ApiClient(name, accounts, Set.of(READ, WRITE, SANDBOX_ADMIN), 1000, 5000);
    }

    public static final String READ = "numbers:read";
    public static final String WRITE = "numbers:write";
    /** Resetting the sandbox and injecting faults: the development key has it, production clients never need it. */
    public static final String SANDBOX_ADMIN = "sandbox:admin";
    /** Exchange attribute holding the authenticated client. */
    public static final String ATTRIBUTE = ApiClient.class.getName();

    public ApiClient {
        accounts = Set.copyOf(accounts);
        scopes = Set.copyOf(scopes);
    }

    boolean mayUse(String accountId) {
        return accounts.contains(accountId);
    }

    boolean has(String scope) {
        return scopes.contains(scope);
    }
}
