package io.genesis.core.rollout.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The steps a rollout will take, in order, and notes about how they were chosen (such as weights
 * collapsed into one switch for lack of a traffic router).
 *
 * @param strategy the strategy's name
 * @param steps the steps
 * @param notes facts people should read with the plan
 */
public record Plan(String strategy, List<Step> steps, List<String> notes) {

    public Plan {
        Objects.requireNonNull(strategy, "strategy");
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public static Plan of(String strategy, List<Step> steps) {
        return new Plan(strategy, steps, List.of());
    }

    public int size() {
        return steps.size();
    }

    public Step step(int index) {
        return steps.get(index);
    }

    /** The step after {@code index}, if there is one. */
    public Optional<Step> after(int index) {
        return index + 1 < steps.size() ? Optional.of(steps.get(index + 1)) : Optional.empty();
    }

    /** This plan with {@code step} first, and {@code note} added. */
    public Plan startingWith(Step step, String note) {
        List<Step> copy = new ArrayList<>();
        copy.add(step);
        copy.addAll(steps);
        return new Plan(strategy, copy, notes).withNote(note);
    }

    /** This plan with {@code note} added. */
    public Plan withNote(String note) {
        List<String> newNotes = new ArrayList<>(notes);
        newNotes.add(note);
        return new Plan(strategy, steps, newNotes);
    }

    /** "step 3 (setWeight)": how messages name a step; positions count from 1. */
    public static String name(int index, Step step) {
        return "step " + (index + 1) + " (" + step.kind() + ")";
    }

    /** One line per step, numbered from 1, then the notes. */
    public String describe() {
        StringBuilder text = new StringBuilder(strategy).append(" plan:");
        for (int i = 0; i < steps.size(); i++) {
            text.append("\n  ").append(i + 1).append(". ").append(steps.get(i).describe());
        }
        notes.forEach(note -> text.append("\n  note: ").append(note));
        return text.toString();
    }
}
