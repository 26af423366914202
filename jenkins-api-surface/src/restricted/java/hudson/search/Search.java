package hudson.search;

import org.kohsuke.stapler.StaplerProxy;

/**
 * The search box's web endpoint. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. It is here only because
 * {@link SearchableModelObject#getSearch()} names it.
 */
public class Search implements StaplerProxy {

    /**
     * Required to compile a class that implements {@link StaplerProxy}. {@code @Restricted(NoExternalUse)}
     * in Jenkins: never call it.
     */
    @Override
    public Object getTarget() {
        throw new UnsupportedOperationException();
    }
}
