package io.jenkins.plugins.genesis.config;

import hudson.util.FormValidation;
import java.util.Optional;

/** How the configuration form shows a field's check: the engine's words as an error, else nothing. */
final class FormAnswer {

    private FormAnswer() {}

    /** An error saying {@code problem}, or OK when there is none. */
    static FormValidation of(Optional<String> problem) {
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }
}
