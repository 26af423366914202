package hudson.model;

import java.util.List;
import jenkins.model.ModelObjectWithContextMenu;

/** A model object that holds {@link Action}s, such as a build or a Pipeline step's node. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public abstract class Actionable extends AbstractModelObject implements ModelObjectWithContextMenu {

    /** Adds an action; an object may hold several of one type. */
    public void addAction(Action a) {
        throw new UnsupportedOperationException();
    }

    /** Adds an action, replacing an existing one of the same class. */
    public boolean addOrReplaceAction(Action a) {
        throw new UnsupportedOperationException();
    }

    /** Every action of {@code type}, in the order they were added. */
    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    /** The first action of {@code type}, or {@code null}. */
    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
