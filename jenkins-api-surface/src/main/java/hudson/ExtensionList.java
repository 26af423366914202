package hudson;

import java.util.AbstractList;
import jenkins.util.io.OnMaster;

/**
 * The registered extensions of one type. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. Only Jenkins creates these, so the
 * constructors are not declared.
 *
 * @param <T> the extension type
 */
public class ExtensionList<T> extends AbstractList<T> implements OnMaster {

    private ExtensionList() {
        throw new UnsupportedOperationException();
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException();
    }

    /** Every registered instance of {@code type}, in order. */
    public static <T> ExtensionList<T> lookup(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    /** The only registered instance of {@code type}; fails when there is none or more than one. */
    public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException();
    }
}
