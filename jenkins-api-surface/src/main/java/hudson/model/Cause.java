package hudson.model;

/**
 * Why a build started. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}; of its kinds only the
 * one a plugin reads the starting user from.
 */
public abstract class Cause {

    /** A description of the cause, for the build page. */
    public abstract String getShortDescription();

    /** A build started by a user. */
    public static class UserIdCause extends Cause {

        public UserIdCause(String userId) {
            throw new UnsupportedOperationException();
        }

        /** The id of the user who started the build, or {@code null} for the anonymous user. */
        public String getUserId() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getShortDescription() {
            throw new UnsupportedOperationException();
        }
    }
}
