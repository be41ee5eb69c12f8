package com.acme.numbers.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.acme.numbers.support.Tiers;

/**
 * What can be proved about the image without a Docker engine: the Dockerfile follows the rules (multi-stage,
 * wrapper build, JRE runtime, numeric non-root user, exec-form entrypoint, container-sized heap, no secrets), the
 * layers it copies are the ones the packaged jar has, in its order, and the layout it assembles runs the image's
 * AOT-cache training command on the image's JDK (Temurin 25), then starts with the image's entrypoint and
 * environment, opens the trained cache and logs JSON. Runs after {@code package} (failsafe).
 */
class DockerfileIT {

    private static final Path DOCKERFILE = Path.of("Dockerfile");
    /** The image's runtime; the suite itself may run on 17 or 25. */
    private static final Path IMAGE_JDK = Path.of(System.getProperty("image.jdk", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    private static final Pattern COPY_LAYER = Pattern.compile(
            "(?m)^COPY --from=layers /layers/extracted/([\\w-]+)/ \\./$");

    @Test
    void followsTheImageRules() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        List<String> stages = lines(dockerfile, "^FROM (.+)$");

        assertThat(stages).hasSizeGreaterThanOrEqualTo(2);
        assertThat(stages.get(stages.size() - 1)).contains("eclipse-temurin:25-jre").doesNotContain(" AS ");
        assertThat(dockerfile).containsPattern("(?m)^RUN \\./mvnw .*package");
        assertThat(HelmChartTests.dockerfileUser()).isPositive();
        assertThat(lines(dockerfile, "^USER (.+)$")).containsExactly("10001:10001");
        assertThat(lines(dockerfile, "^ENTRYPOINT (.+)$")).singleElement()
                .satisfies(entrypoint -> assertThat(entrypoint).startsWith("[\"java\"").endsWith("]"));
        assertThat(imageToolOptions(dockerfile)).contains("-XX:MaxRAMPercentage=", "-Xmn64m",
                "-XX:+ExitOnOutOfMemoryError");
        assertThat(dockerfile).contains("EXPOSE 8080").as("the sandbox binds loopback unless told otherwise")
                .containsPattern("SERVER_ADDRESS=0\\.0\\.0\\.0")
                .doesNotContainPattern("(?im)^(ENV|ARG)\\s+\\S*(PASSWORD|SECRET|TOKEN|API_KEY)")
                .doesNotContainPattern("(?im)^\\s*(ENV|ARG)\\s+SPRING_PROFILES_ACTIVE");
        assertThat(Files.readString(Path.of(".dockerignore"))).contains("target/").contains(".git/");
    }

    @Test
    void copiesTheJarsLayersInTheJarsOrder() throws Exception {
        List<String> copied = new ArrayList<>();
        Matcher copy = COPY_LAYER.matcher(Files.readString(DOCKERFILE));
        while (copy.find()) {
            copied.add(copy.group(1));
        }

        String layers = run(List.of(java(), "-Djarmode=tools", "-jar", jar().toString(), "list-layers"), null,
                Duration.ofSeconds(60));

        assertThat(copied).isEqualTo(layers.lines().map(String::trim).filter(l -> !l.isEmpty()).toList());
    }

    @Test
    void jarCarriesNoHttp3() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            assertThat(jar.stream().map(JarEntry::getName).filter(name -> name.startsWith("BOOT-INF/lib/")))
                    .isNotEmpty()
                    .noneMatch(name -> name.contains("quic") || name.contains("http3"));
        }
    }

    @Test
    void assembledLayersTrainTheClassArchiveAndStartWithTheImagesEntrypointAndLogJson(@TempDir Path work)
            throws Exception {
        String dockerfile = Files.readString(DOCKERFILE);
        run(List.of(java(), "-Djarmode=tools", "-jar", jar().toString(), "extract", "--layers",
                "--destination", work.resolve("extracted").toString()), null, Duration.ofSeconds(60));
        Path app = Files.createDirectories(work.resolve("app"));
        try (Stream<Path> layers = Files.list(work.resolve("extracted"))) {
            for (Path layer : layers.toList()) {
                copyTree(layer, app);
            }
        }
        try (Stream<Path> jars = Files.list(app)) {   // the image's build stage names the jar app.jar
            Files.move(jars.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow(),
                    app.resolve("app.jar"));
        }
        String toolOptions = imageToolOptions(dockerfile).replace("-Djava.io.tmpdir=/tmp", "-Djava.io.tmpdir=" + work);

        List<String> training = new ArrayList<>(List.of(lines(dockerfile, "^RUN (java .*-XX:AOTCacheOutput=.*)$")
                .get(0).split(" +")));
        training.set(0, java());
        ProcessBuilder train = new ProcessBuilder(training).directory(app.toFile()).redirectErrorStream(true);
        train.environment().put("JAVA_TOOL_OPTIONS", toolOptions);
        Process trainer = train.redirectOutput(work.resolve("training.log").toFile()).start();
        assertThat(trainer.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(trainer.exitValue()).as(Files.readString(work.resolve("training.log"))).isZero();

        List<String> entrypoint = new ArrayList<>(List.of(JsonMapper.builder().build()
                .readValue(lines(dockerfile, "^ENTRYPOINT (.+)$").get(0), String[].class)));
        entrypoint.set(0, java());
        entrypoint.add("--server.port=0");
        ProcessBuilder builder = new ProcessBuilder(entrypoint).directory(app.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_TOOL_OPTIONS", toolOptions + " -Xlog:aot=info");
        builder.environment().put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        Path log = work.resolve("app.log");
        Process process = builder.redirectOutput(log.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.readString(log).contains("Started ") || !process.isAlive());
            String output = Files.readString(log);
            assertThat(output).as(output).contains("Started ")
                    .as("the trained AOT cache is used").contains("Opened AOT cache app.aot")
                    .doesNotContain("Unable to use AOT cache");
            JsonNode started = JsonMapper.builder().build().readTree(output.lines()
                    .filter(line -> line.startsWith("{") && line.contains("Started ")).findFirst().orElseThrow());
            assertThat(started.get("@timestamp")).isNotNull();
            assertThat(started.get("log").get("level").asString()).isEqualTo("INFO");
        }
        finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** The image's {@code java}: Temurin 25 (here, or at {@code -Dimage.jdk}); without it the test cannot run. */
    private static String java() {
        Path java = IMAGE_JDK.resolve("bin/java");
        Tiers.require(Files.isExecutable(java), "the image's JDK (Temurin 25) is not at " + IMAGE_JDK
                + " (install it or pass -Dimage.jdk=<its home>)");
        return java.toString();
    }

    /** The image's own JVM options, so the training run and the start here use exactly the flags it ships. */
    private static String imageToolOptions(String dockerfile) {
        List<String> options = lines(dockerfile, "^ENV JAVA_TOOL_OPTIONS=\"([^\"]+)\"");
        assertThat(options).singleElement().asString().contains("-Djava.io.tmpdir=/tmp");
        return options.get(0);
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("numbers-gateway-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith(".original")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run after 'package': no jar in target/"));
        }
    }

    private static List<String> lines(String text, String regex) {
        Matcher matcher = Pattern.compile("(?m)" + regex).matcher(text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1).trim());
        }
        return found;
    }

    private static String run(List<String> command, Path directory, Duration timeout) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.replaceAll("(?m)^Picked up JAVA_TOOL_OPTIONS.*\\R", "");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
