package com.acme.numbers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.acme.numbers.SandboxIntegrationTest;
import com.acme.numbers.support.Tiers;

/**
 * Runs the official Bandwidth Node client ({@code @bandwidth/numbers}) unchanged against the sandbox, through
 * {@code conformance/node/sandbox-conformance.js}. {@code .ci/run} installs the client; without Node or the
 * installed client the test is skipped with a message saying so.
 */
class NodeClientConformanceTests extends SandboxIntegrationTest {

    private static final Path SCRIPT_DIR = Path.of("conformance", "node");

    @Test
    void officialNodeClientWorksUnchangedAgainstTheSandbox() throws Exception {
        Tiers.require(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/@bandwidth/numbers")),
                "run 'npm install' in conformance/node (as .ci/run does) to test the official Node client");
        Tiers.require(nodeAvailable(), "no 'node' on PATH: install Node.js to test the official Node client");

        Process process = new ProcessBuilder("node", "sandbox-conformance.js",
                "http://127.0.0.1:" + port + SANDBOX, ACCOUNT, sandbox.username(), sandbox.password(), "1001")
                .directory(SCRIPT_DIR.toFile()).redirectErrorStream(true).start();
        boolean finished = process.waitFor(90, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }

        assertThat(finished).as("the Node client finished in time; output: %s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("sandbox conformance: 16 passed, 0 failed");
    }

    private static boolean nodeAvailable() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true)
                    .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "node-version.txt")).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        }
        catch (Exception ex) {
            return false;
        }
    }
}
