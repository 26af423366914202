package io.jenkins.plugins.checks.api;

/** Publishes checks to one platform. Mirrors {@code io.jenkins.plugins:checks-api}. */
public abstract class ChecksPublisher {

    private ChecksPublisher() {
        throw new UnsupportedOperationException();
    }

    /** Creates or updates the check described by {@code details}. */
    public abstract void publish(ChecksDetails details);
}
