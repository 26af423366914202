package io.genesis.core.board;

import io.genesis.core.history.JobNames;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.RolloutView;
import io.genesis.core.rollout.Stage;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The rollouts of one job (or of every job in one folder) that have not ended, newest first. */
public final class RunningRollouts {

    private RunningRollouts() {}

    /**
     * The rows of the rollouts in {@code states} that have not ended and were started by a build of the
     * job or folder {@code job}, each as {@code views} (the engine's view of the same rollouts) shows it.
     */
    public static List<RunningRow> of(List<RolloutState> states, List<RolloutView> views, String job) {
        Map<RolloutId, RolloutView> byId =
                views.stream().collect(Collectors.toMap(RolloutView::id, Function.identity(), (a, b) -> b));
        return states.stream()
                .filter(state -> state.stage() != Stage.DONE)
                .filter(state -> JobNames.within(state.request().build(), job))
                .filter(state -> byId.containsKey(state.id()))
                .sorted(Comparator.comparing(RolloutState::submittedAt)
                        .thenComparing(state -> state.id().value())
                        .reversed())
                .map(state -> row(state, byId.get(state.id())))
                .toList();
    }

    private static RunningRow row(RolloutState state, RolloutView view) {
        String step =
                view.step() == 0 ? "" : "step " + view.step() + " of " + view.steps() + ": " + view.stepDescription();
        return new RunningRow(
                state.id().value(),
                view.key().application(),
                view.key().environment(),
                view.version().value(),
                view.strategy(),
                view.status().name(),
                step,
                state.request().build(),
                state.submittedAt());
    }
}
