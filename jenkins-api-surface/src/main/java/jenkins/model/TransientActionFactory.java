package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Action;
import java.util.Collection;

/**
 * Adds actions to every model object of a type (such as every job) without storing them; Jenkins asks
 * each registered factory whenever it lists an object's actions. Mirrors {@code
 * org.jenkins-ci.main:jenkins-core:2.541.3}.
 *
 * @param <T> the type of object the factory adds actions to
 */
public abstract class TransientActionFactory<T> implements ExtensionPoint {

    public abstract Class<T> type();

    public Class<? extends Action> actionType() {
        throw new UnsupportedOperationException();
    }

    public abstract Collection<? extends Action> createFor(T target);
}
