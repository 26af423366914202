package io.genesis.docker.engine;

import java.util.List;

/**
 * An image as the engine knows it.
 *
 * @param reference the reference it was asked for, such as {@code shop:1.4.0}
 * @param id its content id ({@code sha256:…}), the same on every host that built it identically
 * @param repoDigests its registry digests ({@code reg/shop@sha256:…}); empty for a locally built image
 * @param healthcheck whether it declares a {@code HEALTHCHECK}
 */
public record ImageInfo(String reference, String id, List<String> repoDigests, boolean healthcheck) {

    public ImageInfo {
        repoDigests = List.copyOf(repoDigests);
    }

    /** The digest to record: the first registry digest, else the image id. */
    public String digest() {
        return repoDigests.isEmpty() ? id : repoDigests.get(0);
    }
}
