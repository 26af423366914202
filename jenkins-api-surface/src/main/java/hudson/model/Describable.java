package hudson.model;

/**
 * Something configurable that has a {@link Descriptor}. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}.
 *
 * @param <T> the describable type itself
 */
public interface Describable<T extends Describable<T>> {

    /** By default the nested {@code @Extension} descriptor registered for this class. */
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException();
    }
}
