package hudson.model;

/** The status colours of builds and jobs. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}; no constant is used, so none is declared. */
public enum BallColor implements StatusIcon {
    ;

    @Override
    public String getImageOf(String size) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDescription() {
        throw new UnsupportedOperationException();
    }
}
