package io.jenkins.plugins.genesis.gate.checks;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;
import io.jenkins.plugins.genesis.gate.GateCheck;
import io.jenkins.plugins.genesis.gate.GatePublication;

/**
 * Publishes a gate's verdict through the Checks API plugin, so that GitHub, GitLab and other
 * platforms with a checks publisher show it on the pull request or commit. The only class that
 * names the Checks API (an architecture test keeps it so): with {@code optional = true}, Jenkins
 * skips it where that optional dependency is not installed, and the gate behaves as without it.
 * Where no platform applies (a job without such an SCM), the Checks API's own null publisher only
 * logs that no publisher was found.
 */
@Extension(optional = true)
public final class ChecksGatePublication implements GatePublication {

    @Override
    public void publish(Run<?, ?> run, TaskListener listener, GateCheck check) {
        ChecksOutput output = new ChecksOutput.ChecksOutputBuilder()
                .withTitle(check.title())
                .withSummary(check.summary())
                .withText(check.text())
                .build();
        ChecksDetails details = new ChecksDetails.ChecksDetailsBuilder()
                .withName(check.name())
                .withStatus(ChecksStatus.COMPLETED)
                .withConclusion(conclusion(check.conclusion()))
                .withOutput(output)
                .build();
        ChecksPublisherFactory.fromRun(run, listener).publish(details);
    }

    static ChecksConclusion conclusion(GateCheck.Conclusion conclusion) {
        return switch (conclusion) {
            case SUCCESS -> ChecksConclusion.SUCCESS;
            case NEUTRAL -> ChecksConclusion.NEUTRAL;
            case FAILURE -> ChecksConclusion.FAILURE;
        };
    }
}
