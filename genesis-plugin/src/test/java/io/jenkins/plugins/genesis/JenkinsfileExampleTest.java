package io.jenkins.plugins.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.genesis.deploy.GenesisDeployStep;
import io.jenkins.plugins.genesis.deploy.GenesisRollbackStep;
import io.jenkins.plugins.genesis.gate.GenesisGateStep;
import io.jenkins.plugins.genesis.monitor.GenesisMonitorStep;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Jenkinsfile.example calls the Genesis steps only with parameters they have: a misspelt or removed
 * parameter fails a real Pipeline at run time ("no such parameter"), which no JenkinsRule test here can
 * run, so the example is checked against the steps' bound properties (a setter, or a getter for the
 * constructor's). Commented-out calls are checked too: readers copy them.
 */
class JenkinsfileExampleTest {

    private static final Path EXAMPLE = Path.of("..", "Jenkinsfile.example");

    private static final Map<String, Class<?>> STEPS = Map.of(
            "genesisGate", GenesisGateStep.class,
            "genesisDeploy", GenesisDeployStep.class,
            "genesisMonitor", GenesisMonitorStep.class,
            "genesisRollback", GenesisRollbackStep.class);

    private static final Pattern CALL =
            Pattern.compile("\\b(genesisGate|genesisDeploy|genesisMonitor|genesisRollback)\\b");

    /** One call of a step in the example: its name and the named arguments at its own level. */
    record Call(String step, List<String> parameters, int line) {}

    @Test
    void shouldCallEveryStepOnlyWithParametersItHas() throws IOException {
        List<Call> calls = calls(Files.readString(EXAMPLE));

        assertThat(calls)
                .extracting(Call::step)
                .contains("genesisGate", "genesisDeploy", "genesisMonitor", "genesisRollback");
        for (Call call : calls) {
            Class<?> step = STEPS.get(call.step());
            assertThat(call.parameters())
                    .as("%s on line %d of %s", call.step(), call.line(), EXAMPLE)
                    .isNotEmpty()
                    .allSatisfy(parameter -> assertThat(bound(step, parameter))
                            .as("%s has a parameter '%s' (line %d)", call.step(), parameter, call.line())
                            .isTrue());
        }
    }

    @Test
    void shouldFindAParameterTheStepDoesNotHave() {
        List<Call> calls = calls("genesisDeploy application: 'shop', environmnet: 'staging'\n");

        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.parameters()).containsExactly("application", "environmnet");
            assertThat(bound(GenesisDeployStep.class, "environmnet")).isFalse();
            assertThat(bound(GenesisDeployStep.class, "environment")).isTrue();
        });
    }

    /** Whether {@code step} binds {@code parameter}: a public setter, or a public getter of a constructor's. */
    static boolean bound(Class<?> step, String parameter) {
        String suffix = parameter.substring(0, 1).toUpperCase(Locale.ROOT) + parameter.substring(1);
        return Arrays.stream(step.getMethods())
                .map(Method::getName)
                .anyMatch(name ->
                        name.equals("set" + suffix) || name.equals("get" + suffix) || name.equals("is" + suffix));
    }

    /** Every call of a Genesis step in {@code text}, with the names of its own named arguments. */
    static List<Call> calls(String text) {
        List<Call> calls = new ArrayList<>();
        Matcher matcher = CALL.matcher(text);
        while (matcher.find()) {
            int line = (int) text.substring(0, matcher.start())
                            .chars()
                            .filter(c -> c == '\n')
                            .count()
                    + 1;
            List<String> parameters = arguments(text, matcher.end());
            if (!parameters.isEmpty()) {
                calls.add(new Call(matcher.group(1), parameters, line));
            }
        }
        return calls;
    }

    /**
     * The names before {@code :} at the call's own level, from {@code from} to the end of the call: the
     * closing parenthesis of {@code step(...)}, or the end of a line not ending with a comma for
     * {@code step a: 1, b: 2}. Nested calls ({@code kubernetes(namespace: ...)}) and lists are skipped.
     */
    private static List<String> arguments(String text, int from) {
        List<String> names = new ArrayList<>();
        int index = from;
        while (index < text.length() && text.charAt(index) == ' ') {
            index++;
        }
        boolean parenthesised = index < text.length() && text.charAt(index) == '(';
        if (parenthesised) {
            index++;
        }
        int depth = 0;
        char quote = 0;
        StringBuilder word = new StringBuilder();
        for (; index < text.length(); index++) {
            char c = text.charAt(index);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ':' && depth == 0 && word.length() > 0) {
                names.add(word.toString());
            } else if (c == '\n' && depth == 0 && !parenthesised) {
                String before =
                        text.substring(from, index).replaceAll("//[^\n]*", "").strip();
                if (!before.endsWith(",")) {
                    break;
                }
            } else if (c == '{' && depth == 0 && !parenthesised) {
                break;
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (c != ' ') {
                word.setLength(0);
            }
        }
        return names;
    }
}
