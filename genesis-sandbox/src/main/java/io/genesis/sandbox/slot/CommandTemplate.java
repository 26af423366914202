package io.genesis.sandbox.slot;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The command that starts one application version as a child process, such as
 * {@code java -cp app.jar com.example.Main --port {port} --version {version}}. {@value #PORT} (required)
 * becomes the loopback port the process must listen on, {@value #VERSION} (optional) the version. The
 * command runs directly, never through a shell, so a version can not smuggle in shell syntax.
 *
 * @param arguments the program and its arguments, with placeholders
 */
public record CommandTemplate(List<String> arguments) {

    /** Replaced by the port the child must listen on, on 127.0.0.1. */
    public static final String PORT = "{port}";

    /** Replaced by the version being started. */
    public static final String VERSION = "{version}";

    public CommandTemplate {
        if (arguments == null || arguments.isEmpty()) {
            throw new IllegalArgumentException(
                    "command template is empty: give the program and its arguments, with " + PORT + " in one");
        }
        arguments = List.copyOf(arguments);
        for (String argument : arguments) {
            if (argument.isBlank()) {
                throw new IllegalArgumentException("command template " + arguments + " has a blank argument");
            }
        }
        requireExactClassPath(arguments);
        if (arguments.stream().noneMatch(argument -> argument.contains(PORT))) {
            throw new IllegalArgumentException("command template " + arguments + " has no " + PORT
                    + " placeholder: the sandbox picks the port, so the program must take it as an argument");
        }
    }

    /**
     * Refuses a Java class path with an empty entry: a leading, doubled or trailing separator puts the
     * working directory on it, so whatever classes lie there would run in the child.
     */
    private static void requireExactClassPath(List<String> arguments) {
        for (int i = 0; i + 1 < arguments.size(); i++) {
            String option = arguments.get(i);
            if (option.equals("-cp") || option.equals("-classpath") || option.equals("--class-path")) {
                String classPath = arguments.get(i + 1);
                for (String entry : classPath.split(Pattern.quote(File.pathSeparator), -1)) {
                    if (entry.isBlank()) {
                        throw new IllegalArgumentException("command template's class path after " + option
                                + " has an empty entry (a leading, doubled or trailing '" + File.pathSeparator
                                + "'), which would put the working directory on the child's class path; list"
                                + " the class path's entries exactly");
                    }
                }
            }
        }
    }

    /** A template from its arguments. */
    public static CommandTemplate of(String... arguments) {
        return new CommandTemplate(Arrays.asList(arguments));
    }

    /**
     * A template from one line split on white space. There is no quoting: for an argument with spaces in
     * it use {@link #of(String...)}.
     */
    public static CommandTemplate parse(String line) {
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException(
                    "command template line is empty: give for example 'java -jar" + " app.jar --port " + PORT + "'");
        }
        return new CommandTemplate(Arrays.asList(line.trim().split("\\s+")));
    }

    /** The command for {@code version} on {@code port}. */
    public List<String> render(int port, String version) {
        String portText = Integer.toString(port);
        String checkedVersion = Versions.require(version);
        List<String> rendered = new ArrayList<>(arguments.size());
        for (String argument : arguments) {
            rendered.add(argument.replace(PORT, portText).replace(VERSION, checkedVersion));
        }
        return List.copyOf(rendered);
    }
}
