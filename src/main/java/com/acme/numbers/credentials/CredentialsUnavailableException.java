package com.acme.numbers.credentials;

/** The secret store cannot be read and nothing usable is cached; the message never holds a secret. */
public class CredentialsUnavailableException extends RuntimeException {

    public CredentialsUnavailableException(String message) {
        super(message, null, false, false);
    }
}
