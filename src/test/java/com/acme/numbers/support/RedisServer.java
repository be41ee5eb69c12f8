package com.acme.numbers.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * A real Debian {@code redis-server} on a free loopback port, with no persistence, for the tests that need shared
 * state. {@code .ci/run} installs it; without it these tests fail and say so rather than skip. It can be stopped and
 * started again on the same port, to test Redis going away and coming back.
 */
public final class RedisServer implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final int port;
    private final String password;
    private Process process;
    private LettuceConnectionFactory connections;

    private RedisServer(int port, String password) {
        this.port = port;
        this.password = password;
    }

    public static RedisServer started() {
        return started(null);
    }

    /** With {@code password} required of every client (Redis's {@code requirepass}). */
    public static RedisServer started(String password) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("These tests need Debian's redis-server (" + BINARY
                    + "): apt-get install redis-server, as .ci/run does");
        }
        RedisServer server = new RedisServer(freePort(), password);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    /** {@code redis://[:password@]127.0.0.1:port}: with a URL, Spring Boot takes the password from it only. */
    public String url() {
        return "redis://" + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        try {
            List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"));
            if (password != null) {
                command.addAll(List.of("--requirepass", password));
            }
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        }
        catch (IOException ex) {
            throw new IllegalStateException("redis-server did not start", ex);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!answersPing()) {
            if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                throw new IllegalStateException("redis-server did not answer on port " + port);
            }
            pause();
        }
    }

    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Empties every database, so each test starts from nothing. */
    public void flushAll() {
        command((password == null ? "" : "AUTH " + password + "\r\n") + "FLUSHALL\r\n");
    }

    /** A template on this server, connected on first use; {@link #close()} disconnects it. */
    public synchronized ReactiveStringRedisTemplate template() {
        if (connections == null) {
            RedisStandaloneConfiguration server = new RedisStandaloneConfiguration("127.0.0.1", port);
            if (password != null) {
                server.setPassword(password);
            }
            connections = new LettuceConnectionFactory(server);
            connections.afterPropertiesSet();
        }
        return new ReactiveStringRedisTemplate(connections);
    }

    @Override
    public synchronized void close() {
        if (connections != null) {
            connections.destroy();
            connections = null;
        }
        stop();
    }

    private boolean answersPing() {
        try {
            String reply = command("PING\r\n");
            return reply.startsWith("+PONG") || reply.startsWith("-NOAUTH");
        }
        catch (IllegalStateException ex) {
            return false;
        }
    }

    private String command(String line) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(line.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[64];
            int read = in.read(reply);
            return read <= 0 ? "" : new String(reply, 0, read, StandardCharsets.US_ASCII);
        }
        catch (IOException ex) {
            throw new IllegalStateException("redis-server on port " + port + " did not answer", ex);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
