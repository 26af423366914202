package io.jenkins.plugins.genesis.approval;

import hudson.model.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** {@link BuildApprovals} of a real build. */
final class RunApprovals implements BuildApprovals {

    private final Run<?, ?> run;

    RunApprovals(Run<?, ?> run) {
        this.run = run;
    }

    @Override
    public List<ApprovalAction> approvals() {
        return run.getActions(ApprovalAction.class);
    }

    @Override
    public void add(ApprovalAction action) {
        run.addAction(action);
    }

    @Override
    public void save() {
        try {
            run.save();
        } catch (IOException e) {
            throw new UncheckedIOException("could not save build " + run.getUrl() + ": " + e.getMessage(), e);
        }
    }

    /* Jenkins' console turns an absolute http(s) address into a link; without a root URL the path is still usable. */
    @Override
    @SuppressWarnings("deprecation")
    public String urlOf(ApprovalAction action) {
        String build;
        try {
            build = run.getAbsoluteUrl();
        } catch (IllegalStateException e) {
            build = "/" + run.getUrl();
        }
        return build + ApprovalAction.URL_NAME + "/";
    }

    @Override
    public Run<?, ?> run() {
        return run;
    }
}
