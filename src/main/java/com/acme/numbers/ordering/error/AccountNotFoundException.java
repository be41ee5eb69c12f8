package com.acme.numbers.ordering.error;

/** The gateway serves no such Bandwidth account (it holds no credentials for it). */
public class AccountNotFoundException extends NotFoundException {

    public AccountNotFoundException(String accountId) {
        super("account " + accountId + " was not found", null);
    }
}
