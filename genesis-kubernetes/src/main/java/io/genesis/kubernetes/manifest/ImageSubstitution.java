package io.genesis.kubernetes.manifest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which images a rollout puts into its manifests: every container whose image is of a given
 * repository gets that repository's new image, whatever tag or digest the manifest had.
 */
public final class ImageSubstitution {

    private final Map<String, String> byRepository;

    private ImageSubstitution(Map<String, String> byRepository) {
        this.byRepository = Map.copyOf(byRepository);
    }

    /** Substitutes each of {@code images} for the images of its repository. */
    public static ImageSubstitution of(String... images) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String image : images) {
            Objects.requireNonNull(image, "image");
            String repository = repository(image);
            if (repository.equals(image)) {
                throw new IllegalArgumentException("image '" + image + "' has no tag or digest: give the exact"
                        + " image to deploy, such as " + image + ":1.4.0");
            }
            map.put(repository, image);
        }
        return new ImageSubstitution(map);
    }

    public static ImageSubstitution none() {
        return new ImageSubstitution(Map.of());
    }

    /** The image to run instead of {@code image}, or {@code image} itself. */
    public String substitute(String image) {
        return image == null ? null : byRepository.getOrDefault(repository(image), image);
    }

    /**
     * The repository of an image reference: without digest and tag. A colon counts as a tag only
     * after the last slash, so a registry port ({@code registry:5000/shop}) stays.
     */
    public static String repository(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        return colon > slash ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    @Override
    public String toString() {
        return byRepository.values().toString();
    }
}
