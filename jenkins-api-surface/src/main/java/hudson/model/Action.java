package hudson.model;

/** Something attached to a model object that may show up as a link and a page. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public interface Action extends ModelObject {
    String getIconFileName();

    @Override
    String getDisplayName();

    String getUrlName();
}
