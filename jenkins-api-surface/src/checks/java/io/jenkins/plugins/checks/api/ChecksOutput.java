package io.jenkins.plugins.checks.api;

/** What a check shows: a title, a summary and a text, in Markdown. Mirrors {@code io.jenkins.plugins:checks-api}. */
public class ChecksOutput {

    private ChecksOutput() {
        throw new UnsupportedOperationException();
    }

    /** Builds {@link ChecksOutput}. */
    public static class ChecksOutputBuilder {

        public ChecksOutputBuilder() {
            throw new UnsupportedOperationException();
        }

        public ChecksOutputBuilder withTitle(String title) {
            throw new UnsupportedOperationException();
        }

        public ChecksOutputBuilder withSummary(String summary) {
            throw new UnsupportedOperationException();
        }

        public ChecksOutputBuilder withText(String text) {
            throw new UnsupportedOperationException();
        }

        public ChecksOutput build() {
            throw new UnsupportedOperationException();
        }
    }
}
