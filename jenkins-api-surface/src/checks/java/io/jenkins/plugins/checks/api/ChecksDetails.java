package io.jenkins.plugins.checks.api;

/** One check: its name, status, conclusion and output. Mirrors {@code io.jenkins.plugins:checks-api}. */
public class ChecksDetails {

    private ChecksDetails() {
        throw new UnsupportedOperationException();
    }

    /** Builds {@link ChecksDetails}. */
    public static class ChecksDetailsBuilder {

        public ChecksDetailsBuilder() {
            throw new UnsupportedOperationException();
        }

        /** The check's name; a check of the same name is updated rather than added. */
        public ChecksDetailsBuilder withName(String name) {
            throw new UnsupportedOperationException();
        }

        public ChecksDetailsBuilder withStatus(ChecksStatus status) {
            throw new UnsupportedOperationException();
        }

        public ChecksDetailsBuilder withConclusion(ChecksConclusion conclusion) {
            throw new UnsupportedOperationException();
        }

        public ChecksDetailsBuilder withOutput(ChecksOutput output) {
            throw new UnsupportedOperationException();
        }

        public ChecksDetails build() {
            throw new UnsupportedOperationException();
        }
    }
}
