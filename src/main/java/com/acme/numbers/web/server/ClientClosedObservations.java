package com.acme.numbers.web.server;

import io.micrometer.common.KeyValue;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * {@code http.server.requests} with {@code status="client_closed"} (nginx's 499) for a request whose caller went
 * away before its answer: it is not the gateway's error, and counting it as a 500 would page someone for a client
 * that gave up.
 */
final class ClientClosedObservations extends DefaultServerRequestObservationConvention {

    static final String CLIENT_CLOSED = "client_closed";

    @Override
    protected KeyValue status(ServerRequestObservationContext context) {
        return clientClosed(context) ? KeyValue.of("status", CLIENT_CLOSED) : super.status(context);
    }

    @Override
    protected KeyValue outcome(ServerRequestObservationContext context) {
        return clientClosed(context) ? KeyValue.of("outcome", "UNKNOWN") : super.outcome(context);
    }

    static boolean clientClosed(ServerRequestObservationContext context) {
        return context.isConnectionAborted() || DisconnectedClientHelper.isClientDisconnectedException(context.getError());
    }
}
