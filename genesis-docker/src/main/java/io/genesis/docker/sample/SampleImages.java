package io.genesis.docker.sample;

import io.genesis.docker.engine.EngineClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Images of {@link SampleHttpService} built on an engine without a registry, for the demo and the tests:
 * a root filesystem holding a jlink'ed runtime of this machine's JDK (java.base, java.net.http,
 * jdk.httpserver), the C libraries it links against, and the service's class, sent as the context of a
 * {@code FROM scratch} build. Variants ({@code FROM <base>} plus an {@code ENV} or {@code HEALTHCHECK} line)
 * take a second each. The runtime is kept in the work directory; an image the engine already has is not
 * built again.
 */
public final class SampleImages {

    private static final Pattern LIBRARY = Pattern.compile("(/\\S+) \\(0x");

    private final EngineClient engine;
    private final Path work;
    private final String repository;

    /**
     * @param engine where the images are built
     * @param work where the runtime and the build context are kept
     * @param repository the images' repository, such as {@code genesis-demo}
     */
    public SampleImages(EngineClient engine, Path work, String repository) {
        this.engine = engine;
        this.work = work.toAbsolutePath();
        this.repository = repository;
    }

    /** {@code <repository>:base}, the service answering 200 everywhere, built unless the engine has it. */
    public synchronized String base() {
        String tag = repository + ":base";
        if (engine.inspectImage(tag).isPresent()) {
            return tag;
        }
        try {
            Path context = work.resolve("sample-image");
            Path rootfs = context.resolve("rootfs");
            Path java = rootfs.resolve("opt/java");
            if (!Files.isExecutable(java.resolve("bin/java"))) {
                jlink(java);
            }
            copyLibraries(rootfs, java);
            Path app = rootfs.resolve("app/io/genesis/docker/sample");
            Files.createDirectories(app);
            // Read as a resource: the class is copied from the jar or classes folder this runs from.
            try (InputStream classFile = SampleHttpService.class.getResourceAsStream("SampleHttpService.class")) {
                if (classFile == null) {
                    throw new IllegalStateException("SampleHttpService.class is missing from this build");
                }
                Files.copy(classFile, app.resolve("SampleHttpService.class"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.createDirectories(rootfs.resolve("tmp"));
            String dockerfile = "FROM scratch\nCOPY rootfs/ /\n"
                    + "ENTRYPOINT [\"/opt/java/bin/java\", \"-XX:+UseSerialGC\", \"-XX:TieredStopAtLevel=1\","
                    + " \"-XX:-UsePerfData\", \"-Xmx48m\", \"-Xss512k\", \"-cp\", \"/app\","
                    + " \"io.genesis.docker.sample.SampleHttpService\"]\n";
            engine.build(tarOf(dockerfile, context), tag);
            return tag;
        } catch (IOException e) {
            throw new IllegalStateException("cannot build " + tag + ": " + e.getMessage(), e);
        }
    }

    /** {@code <repository>:<name>}: the base image with {@code lines} added to its Dockerfile. */
    public synchronized String variant(String name, String... lines) {
        String base = base();
        String tag = repository + ":" + name;
        if (engine.inspectImage(tag).isEmpty()) {
            String dockerfile = "FROM " + base + "\n" + String.join("\n", lines) + "\n";
            try {
                engine.build(tarOf(dockerfile, null), tag);
            } catch (IOException e) {
                throw new IllegalStateException("cannot build " + tag + ": " + e.getMessage(), e);
            }
        }
        return tag;
    }

    private static void jlink(Path output) throws IOException {
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        if (!Files.isExecutable(jlink)) {
            throw new IllegalStateException("the sample image needs a JDK with jlink; " + jlink + " is missing");
        }
        Files.createDirectories(Objects.requireNonNull(output.toAbsolutePath().getParent(), "output"));
        run(List.of(
                jlink.toString(),
                "--add-modules",
                "java.base,java.net.http,jdk.httpserver",
                "--strip-debug",
                "--no-header-files",
                "--no-man-pages",
                "--output",
                output.toString()));
    }

    /** Copies every C library the runtime links against to the same path in the root filesystem. */
    private static void copyLibraries(Path rootfs, Path java) throws IOException {
        Set<String> libraries = new TreeSet<>();
        List<Path> binaries = new ArrayList<>();
        binaries.add(java.resolve("bin/java"));
        try (var files = Files.walk(java.resolve("lib"))) {
            files.filter(path -> path.toString().endsWith(".so")).forEach(binaries::add);
        }
        for (Path binary : binaries) {
            Matcher matcher = LIBRARY.matcher(run(List.of("ldd", binary.toString())));
            while (matcher.find()) {
                if (!Path.of(matcher.group(1)).normalize().startsWith(java)) {
                    libraries.add(matcher.group(1));
                }
            }
        }
        for (String library : libraries) {
            Path target = rootfs.resolve(library.substring(1));
            if (!Files.exists(target)) {
                Files.createDirectories(
                        Objects.requireNonNull(target.toAbsolutePath().getParent(), "library"));
                Files.copy(Path.of(library), target);
            }
        }
    }

    /** A tar build context: the Dockerfile, and the directory {@code context}'s content when given. */
    private byte[] tarOf(String dockerfile, Path context) throws IOException {
        Path directory = context != null ? context : Files.createTempDirectory(work, "build-");
        Files.writeString(directory.resolve("Dockerfile"), dockerfile, StandardCharsets.UTF_8);
        Process tar = new ProcessBuilder("tar", "-C", directory.toString(), "-cf", "-", ".")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = tar.getInputStream()) {
            in.transferTo(bytes);
        }
        try {
            if (tar.waitFor() != 0) {
                throw new IllegalStateException("tar of " + directory + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (context == null) {
            Files.delete(directory.resolve("Dockerfile"));
            Files.delete(directory);
        }
        return bytes.toByteArray();
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return output;
    }
}
