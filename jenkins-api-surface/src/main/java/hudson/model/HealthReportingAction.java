package hudson.model;

/** An action that contributes to a build's health. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public interface HealthReportingAction extends Action {
    HealthReport getBuildHealth();
}
