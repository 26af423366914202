package hudson.model;

/**
 * The old base class of describables, still the superclass of Pipeline's {@code Step}. Mirrors
 * {@code org.jenkins-ci.main:jenkins-core:2.541.3} (deprecated there since 2.505: new describables implement {@link Describable} directly).
 *
 * @param <T> the describable type itself
 */
@Deprecated
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {}
