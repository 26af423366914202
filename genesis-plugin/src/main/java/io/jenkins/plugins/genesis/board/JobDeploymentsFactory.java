package io.jenkins.plugins.genesis.board;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import io.jenkins.plugins.genesis.dora.DoraAction;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * Adds Genesis' actions to every job. Making them reads nothing: each action reads the engine's store
 * only when its page or panel is shown, one page of history at a time.
 */
@Extension
@SuppressWarnings("rawtypes") // Jenkins' own factories of jobs are declared on the raw type
public final class JobDeploymentsFactory extends TransientActionFactory<Job> {

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Collection<? extends Action> createFor(Job target) {
        return jobActions(target);
    }

    /** Every Genesis action of a job's page, in the order the side panel lists them. */
    private static List<Action> jobActions(Job<?, ?> job) {
        return List.of(new JobDeploymentsAction(job), new DoraAction(job.getFullName(), JobDeploymentsAction::store));
    }
}
