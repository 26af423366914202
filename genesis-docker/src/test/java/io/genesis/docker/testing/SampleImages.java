package io.genesis.docker.testing;

import io.genesis.docker.engine.EngineClient;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The tests' sample images ({@code genesis-sample:*}), built once per engine by the demo's builder
 * ({@link io.genesis.docker.sample.SampleImages}) with its runtime cached under {@code target/}.
 */
public final class SampleImages {

    public static final String BASE = "genesis-sample:base";

    private static final Map<EngineClient, io.genesis.docker.sample.SampleImages> BUILDERS = new HashMap<>();

    private SampleImages() {}

    /** {@code genesis-sample:<name>}: the base image with {@code lines} added to its Dockerfile. */
    public static synchronized String image(EngineClient engine, String name, String... lines) {
        return builder(engine).variant(name, lines);
    }

    /** The base image: the service answering 200 everywhere. */
    public static synchronized String base(EngineClient engine) {
        return builder(engine).base();
    }

    private static io.genesis.docker.sample.SampleImages builder(EngineClient engine) {
        return BUILDERS.computeIfAbsent(
                engine,
                client -> new io.genesis.docker.sample.SampleImages(
                        client, Path.of("target").toAbsolutePath(), "genesis-sample"));
    }
}
