package com.acme.numbers.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;


/** Test fixtures: files next to the test class, and the shared real Bandwidth payloads. */
public final class Fixtures {

    private static final Pattern BETWEEN_TAGS = Pattern.compile(">\\s+<");

    private Fixtures() {
    }

    /** A file under src/test/resources in the package of {@code owner}. */
    public static String read(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name + " next to " + owner.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** XML without declaration, comments and whitespace between elements, for exact comparisons. */
    public static String compactXml(String xml) {
        String withoutDeclaration = xml.replaceFirst("^\\s*<\\?xml[^>]*\\?>", "");
        String withoutComments = withoutDeclaration.replaceAll("(?s)<!--.*?-->", "");
        return BETWEEN_TAGS.matcher(withoutComments.trim()).replaceAll("><");
    }

    /**
     * The folder of real Bandwidth payloads in {@code ../shared/bandwidth-xml}; when it is not beside the project the
     * calling test is skipped with a clear message, or fails in CI ({@link Tiers}).
     */
    public static Path sharedBandwidthXml() {
        Path dir = Path.of(System.getProperty("shared.dir", "../shared"), "bandwidth-xml");
        Tiers.require(Files.isDirectory(dir), "the real Bandwidth payloads are not at " + dir.toAbsolutePath()
                + " (put the shared/ folder beside the project to run this conformance test)");
        return dir;
    }

    public static String readShared(String name) {
        try {
            return Files.readString(sharedBandwidthXml().resolve(name));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
