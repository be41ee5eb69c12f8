package com.acme.numbers.support;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Bytes sent as they are on one connection, for what an HTTP client would correct or hide. */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends {@code request} and reads until the gateway closes the connection (at most 10 s of silence). */
    public static String exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
