package io.genesis.benchmarks.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code TEST-*.xml} files shaped like maven-surefire-plugin 3.5.4's output with
 * {@code rerunFailingTestsCount=2} and test output not redirected: the schema header, a
 * {@code <properties>} block of the forked JVM's system properties, test cases with
 * {@code <system-out>}, failures and errors with their stack traces in CDATA, rerun attempts as
 * {@code <rerunFailure>} / {@code <rerunError>}, flaky attempts as {@code <flakyFailure>} /
 * {@code <flakyError>}, and skipped tests. Like the real plugin, a class that had reruns gets the
 * counts of its last rerun pass in the {@code <testsuite>} attributes, so only counting test cases
 * gives the right totals (see the fixtures in genesis-core's test resources).
 */
final class SurefireReportWriter {

    private static final String SCHEMA =
            "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd";

    /** Reruns per failing test, as with {@code -Dsurefire.rerunFailingTestsCount=2}. */
    private static final int RERUNS = 2;

    private static final List<String> JUNIT_FRAMES = List.of(
            "java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)",
            "java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke(NativeMethodAccessorImpl.java:77)",
            "java.base/jdk.internal.reflect.DelegatingMethodAccessorImpl.invoke(DelegatingMethodAccessorImpl.java:43)",
            "java.base/java.lang.reflect.Method.invoke(Method.java:569)",
            "org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:767)",
            "org.junit.jupiter.engine.execution.MethodInvocation.proceed(MethodInvocation.java:60)",
            "org.junit.jupiter.engine.execution.InvocationInterceptorChain$ValidatingInvocation.proceed("
                    + "InvocationInterceptorChain.java:131)",
            "org.junit.jupiter.engine.extension.TimeoutExtension.intercept(TimeoutExtension.java:161)",
            "org.junit.jupiter.engine.extension.TimeoutExtension.interceptTestableMethod(TimeoutExtension.java:152)",
            "org.junit.jupiter.engine.extension.TimeoutExtension.interceptTestMethod(TimeoutExtension.java:91)",
            "org.junit.jupiter.engine.execution.InvocationInterceptorChain.proceed(InvocationInterceptorChain.java:64)",
            "org.junit.jupiter.engine.execution.InvocationInterceptorChain.invoke(InvocationInterceptorChain.java:45)",
            "org.junit.jupiter.engine.descriptor.TestMethodTestDescriptor.invokeTestMethod("
                    + "TestMethodTestDescriptor.java:217)",
            "org.junit.platform.engine.support.hierarchical.ThrowableCollector.execute(ThrowableCollector.java:73)",
            "org.junit.jupiter.engine.descriptor.TestMethodTestDescriptor.execute(TestMethodTestDescriptor.java:156)",
            "org.junit.platform.engine.support.hierarchical.NodeTestTask.lambda$executeRecursively$6("
                    + "NodeTestTask.java:160)",
            "org.junit.platform.engine.support.hierarchical.Node.around(Node.java:137)",
            "org.junit.platform.engine.support.hierarchical.NodeTestTask.executeRecursively(NodeTestTask.java:146)",
            "org.junit.platform.engine.support.hierarchical.NodeTestTask.execute(NodeTestTask.java:117)",
            "java.base/java.util.ArrayList.forEach(ArrayList.java:1511)",
            "org.junit.platform.engine.support.hierarchical.SameThreadHierarchicalTestExecutorService.invokeAll("
                    + "SameThreadHierarchicalTestExecutorService.java:41)",
            "org.junit.platform.launcher.core.EngineExecutionOrchestrator.execute(EngineExecutionOrchestrator.java:201)",
            "org.junit.platform.launcher.core.DefaultLauncher.execute(DefaultLauncher.java:134)",
            "org.apache.maven.surefire.junitplatform.LazyLauncher.execute(LazyLauncher.java:56)",
            "org.apache.maven.surefire.junitplatform.JUnitPlatformProvider.execute(JUnitPlatformProvider.java:184)",
            "org.apache.maven.surefire.junitplatform.JUnitPlatformProvider.invokeAllTests("
                    + "JUnitPlatformProvider.java:148)",
            "org.apache.maven.surefire.junitplatform.JUnitPlatformProvider.invoke(JUnitPlatformProvider.java:122)",
            "org.apache.maven.surefire.booter.ForkedBooter.runSuitesInProcess(ForkedBooter.java:385)",
            "org.apache.maven.surefire.booter.ForkedBooter.execute(ForkedBooter.java:162)",
            "org.apache.maven.surefire.booter.ForkedBooter.run(ForkedBooter.java:507)",
            "org.apache.maven.surefire.booter.ForkedBooter.main(ForkedBooter.java:495)");

    private static final List<String> ASSERTION_FRAMES = List.of(
            "org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)",
            "org.junit.jupiter.api.AssertionFailureBuilder.buildAndThrow(AssertionFailureBuilder.java:132)",
            "org.junit.jupiter.api.AssertEquals.failNotEqual(AssertEquals.java:197)",
            "org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:166)",
            "org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:664)");

    private static final List<String> EXCEPTIONS = List.of(
            "java.lang.IllegalStateException",
            "java.lang.IllegalArgumentException",
            "java.lang.NullPointerException",
            "java.lang.UnsupportedOperationException",
            "java.net.SocketTimeoutException",
            "java.io.UncheckedIOException",
            "java.util.ConcurrentModificationException",
            "java.lang.ArithmeticException");

    private static final List<String> CLASS_PATH_JARS = List.of(
            "org/junit/jupiter/junit-jupiter/5.13.4/junit-jupiter-5.13.4.jar",
            "org/junit/jupiter/junit-jupiter-api/5.13.4/junit-jupiter-api-5.13.4.jar",
            "org/opentest4j/opentest4j/1.3.0/opentest4j-1.3.0.jar",
            "org/junit/platform/junit-platform-commons/1.13.4/junit-platform-commons-1.13.4.jar",
            "org/apiguardian/apiguardian-api/1.1.2/apiguardian-api-1.1.2.jar",
            "org/junit/jupiter/junit-jupiter-params/5.13.4/junit-jupiter-params-5.13.4.jar",
            "org/junit/jupiter/junit-jupiter-engine/5.13.4/junit-jupiter-engine-5.13.4.jar",
            "org/junit/platform/junit-platform-engine/1.13.4/junit-platform-engine-1.13.4.jar",
            "org/assertj/assertj-core/3.27.7/assertj-core-3.27.7.jar",
            "net/bytebuddy/byte-buddy/1.17.7/byte-buddy-1.17.7.jar",
            "org/mockito/mockito-core/5.20.0/mockito-core-5.20.0.jar",
            "org/mockito/mockito-junit-jupiter/5.20.0/mockito-junit-jupiter-5.20.0.jar",
            "org/objenesis/objenesis/3.3/objenesis-3.3.jar",
            "com/fasterxml/jackson/core/jackson-databind/2.20.1/jackson-databind-2.20.1.jar",
            "com/fasterxml/jackson/core/jackson-core/2.20.1/jackson-core-2.20.1.jar",
            "com/fasterxml/jackson/core/jackson-annotations/2.20/jackson-annotations-2.20.jar",
            "org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar",
            "ch/qos/logback/logback-classic/1.5.20/logback-classic-1.5.20.jar",
            "ch/qos/logback/logback-core/1.5.20/logback-core-1.5.20.jar",
            "com/google/guava/guava/33.5.0-jre/guava-33.5.0-jre.jar");

    private final Vocabulary words;
    private final Map<String, String> propertiesByModule = new HashMap<>();
    private final Set<String> classNames = new HashSet<>();

    SurefireReportWriter(Vocabulary words) {
        this.words = words;
    }

    /**
     * What one file holds.
     *
     * @param file the written file
     * @param bytes its size
     * @param rerunAttempts {@code <rerunFailure>} and {@code <rerunError>} elements
     * @param flakyAttempts {@code <flakyFailure>} and {@code <flakyError>} elements
     * @param tests its totals, counted per test case
     */
    record Written(Path file, long bytes, long rerunAttempts, long flakyAttempts, TestTotals tests) {}

    /** Writes the report of one more test class into {@code directory}. */
    Written writeNext(Path directory) throws IOException {
        String module = words.pick(Vocabulary.MODULES);
        String className = uniqueClassName(module);
        String reportedClassName = words.chance(0.04) ? displayName() : className;
        SuiteBuilder suite = new SuiteBuilder(className, reportedClassName, module);
        int testCases = testCaseCount();
        for (int i = 0; i < testCases; i++) {
            suite.addTestCase();
        }
        byte[] content = suite.render().getBytes(StandardCharsets.UTF_8);
        Path file = directory.resolve("TEST-" + className + ".xml");
        Files.write(file, content);
        return new Written(file, content.length, suite.rerunAttempts, suite.flakyAttempts, suite.counts());
    }

    private String uniqueClassName(String module) {
        String base = "com.example." + module + "." + words.pick(Vocabulary.FEATURES) + "."
                + words.pick(Vocabulary.NOUNS) + words.pick(Vocabulary.ROLES);
        String name = base + "Test";
        for (int n = 2; !classNames.add(name); n++) {
            name = base + n + "Test";
        }
        return name;
    }

    /**
     * A class-level {@code @DisplayName}: Surefire then writes it as {@code classname}. Unique in the
     * set, as class names are: tests are keyed by class name and test name, so two classes sharing a
     * display name and a test name would be one test to the gate.
     */
    private String displayName() {
        String base = words.pick(Vocabulary.NOUNS) + " "
                + words.pick(Vocabulary.ROLES).toLowerCase(java.util.Locale.ROOT)
                + (words.chance(0.3) ? " (" + words.pick(Vocabulary.WORLD) + ")" : "");
        String name = base;
        for (int n = 2; !classNames.add(name); n++) {
            name = base + " " + n;
        }
        return name;
    }

    /** Most classes hold a handful of tests, a few hold hundreds (parameterized suites). */
    private int testCaseCount() {
        double roll = words.nextDouble();
        if (roll < 0.55) {
            return words.between(1, 10);
        }
        if (roll < 0.88) {
            return words.between(11, 40);
        }
        if (roll < 0.99) {
            return words.between(41, 150);
        }
        return words.between(151, 600);
    }

    private enum Outcome {
        PASSED,
        FAILED,
        ERROR,
        SKIPPED,
        FLAKY
    }

    /** Builds one file's text; keeps the tallies Surefire would print for it. */
    private final class SuiteBuilder {
        private final String className;
        private final String reportedClassName;
        private final String module;
        private final String simpleName;
        private final StringBuilder cases = new StringBuilder(16 * 1024);
        /** Test names already used in this class: JUnit never runs two tests of one class under one name. */
        private final java.util.Set<String> names = new java.util.HashSet<>();

        private long total;
        private long failed;
        private long errors;
        private long skipped;
        private long flaky;
        private long rerunAttempts;
        private long flakyAttempts;
        private long secondRerunFailures;
        private long secondRerunErrors;
        private long secondRerunTests;
        private long firstRerunTests;
        private long millis;

        SuiteBuilder(String className, String reportedClassName, String module) {
            this.className = className;
            this.reportedClassName = reportedClassName;
            this.module = module;
            this.simpleName = className.substring(className.lastIndexOf('.') + 1);
        }

        TestTotals counts() {
            return TestTotals.of(total, failed, errors, skipped, flaky);
        }

        void addTestCase() {
            Outcome outcome = outcome();
            String name = testName();
            int caseMillis = outcome == Outcome.SKIPPED ? 0 : caseMillis();
            millis += caseMillis;
            total++;
            cases.append("  <testcase name=\"")
                    .append(escape(name))
                    .append("\" classname=\"")
                    .append(escape(reportedClassName))
                    .append("\" time=\"")
                    .append(seconds(caseMillis))
                    .append('"');
            switch (outcome) {
                case PASSED -> passed(name);
                case FAILED -> failing(name, true);
                case ERROR -> failing(name, false);
                case SKIPPED -> skippedCase(name);
                case FLAKY -> flakyCase(name);
            }
        }

        private Outcome outcome() {
            double roll = words.nextDouble();
            if (roll < 0.015) {
                return Outcome.FAILED;
            }
            if (roll < 0.022) {
                return Outcome.ERROR;
            }
            if (roll < 0.052) {
                return Outcome.SKIPPED;
            }
            if (roll < 0.064) {
                return Outcome.FLAKY;
            }
            return Outcome.PASSED;
        }

        private String testName() {
            String method = words.methodName();
            String name = method;
            if (words.chance(0.12)) {
                // A parameterized invocation, as the JUnit Platform provider names it.
                name = method + "(" + (words.chance(0.5) ? "int" : "String") + ")[" + words.between(1, 12) + "]";
            }
            String unique = name;
            for (int n = 2; !names.add(unique); n++) {
                unique = method + n + name.substring(method.length());
            }
            return unique;
        }

        private int caseMillis() {
            double roll = words.nextDouble();
            if (roll < 0.7) {
                return words.between(0, 12);
            }
            if (roll < 0.97) {
                return words.between(13, 400);
            }
            return words.between(401, 30_000);
        }

        private void passed(String name) {
            boolean out = words.chance(0.08);
            boolean err = words.chance(0.015);
            if (!out && !err) {
                cases.append("/>\n");
                return;
            }
            cases.append(">\n");
            if (out) {
                output("system-out", name, "    ");
            }
            if (err) {
                output("system-err", name, "    ");
            }
            cases.append("  </testcase>\n");
        }

        private void skippedCase(String name) {
            skipped++;
            cases.append(">\n    <skipped");
            if (words.chance(0.7)) {
                String reason = words.chance(0.5)
                        ? "void " + className + "." + name + "() is @Disabled"
                        : words.pick(Vocabulary.NOUNS).toLowerCase(java.util.Locale.ROOT)
                                + " sandbox not available in CI";
                cases.append(" message=\"").append(escape(reason)).append('"');
            }
            cases.append("/>\n  </testcase>\n");
        }

        /** A test that failed its first run and both reruns. */
        private void failing(String name, boolean assertion) {
            if (assertion) {
                failed++;
            } else {
                errors++;
            }
            firstRerunTests++;
            secondRerunTests++;
            if (assertion) {
                secondRerunFailures++;
            } else {
                secondRerunErrors++;
            }
            Problem problem = assertion ? assertionProblem(name) : exceptionProblem(name);
            String element = assertion ? "failure" : "error";
            cases.append(">\n    <")
                    .append(element)
                    .append(" message=\"")
                    .append(escape(problem.message))
                    .append("\" type=\"")
                    .append(problem.type)
                    .append("\"><![CDATA[")
                    .append(cdata(problem.trace))
                    .append("]]></")
                    .append(element)
                    .append(">\n");
            if (words.chance(0.5)) {
                output("system-out", name, "    ");
            }
            String rerun = assertion ? "rerunFailure" : "rerunError";
            for (int i = 0; i < RERUNS; i++) {
                attempt(rerun, name, problem);
            }
            cases.append("  </testcase>\n");
        }

        /** A test that failed once or twice and then passed on a rerun. */
        private void flakyCase(String name) {
            flaky++;
            firstRerunTests++;
            int failedAttempts = words.chance(0.25) ? 2 : 1;
            if (failedAttempts == 2) {
                secondRerunTests++;
            }
            boolean assertion = words.chance(0.7);
            Problem problem = assertion ? assertionProblem(name) : exceptionProblem(name);
            cases.append(">\n");
            for (int i = 0; i < failedAttempts; i++) {
                attempt(assertion ? "flakyFailure" : "flakyError", name, problem);
            }
            if (words.chance(0.3)) {
                output("system-out", name, "    ");
            }
            cases.append("  </testcase>\n");
        }

        private void attempt(String element, String name, Problem problem) {
            if (element.startsWith("flaky")) {
                flakyAttempts++;
            } else {
                rerunAttempts++;
            }
            cases.append("    <")
                    .append(element)
                    .append(" message=\"")
                    .append(escape(problem.message))
                    .append("\" type=\"")
                    .append(problem.type)
                    .append("\">\n      <stackTrace><![CDATA[")
                    .append(cdata(problem.trace))
                    .append("]]></stackTrace>\n");
            if (words.chance(0.4)) {
                output("system-out", name, "      ");
            }
            if (words.chance(0.1)) {
                output("system-err", name, "      ");
            }
            cases.append("    </").append(element).append(">\n");
        }

        private void output(String element, String testName, String indent) {
            cases.append(indent).append('<').append(element).append("><![CDATA[");
            int lines = words.chance(0.9) ? words.between(1, 25) : words.between(26, 400);
            StringBuilder text = new StringBuilder(lines * 120);
            for (int i = 0; i < lines; i++) {
                logLine(text, testName);
            }
            cases.append(cdata(text.toString())).append("]]></").append(element).append(">\n");
        }

        private void logLine(StringBuilder text, String testName) {
            text.append("2026-11-27 16:")
                    .append(twoDigits(words.between(0, 59)))
                    .append(':')
                    .append(twoDigits(words.between(0, 59)))
                    .append('.')
                    .append(words.between(100, 999))
                    .append(' ')
                    .append(words.pick(Vocabulary.LOG_LEVELS))
                    .append(" [")
                    .append(words.pick(Vocabulary.THREADS))
                    .append("] c.e.")
                    .append(module)
                    .append('.')
                    .append(words.pick(Vocabulary.NOUNS))
                    .append(words.pick(Vocabulary.ROLES))
                    .append(" - ");
            double roll = words.nextDouble();
            if (roll < 0.4) {
                text.append(words.productionMethodName())
                        .append(" id=")
                        .append(words.between(1, 999_999))
                        .append(" took ")
                        .append(words.between(0, 900))
                        .append(" ms");
            } else if (roll < 0.6) {
                text.append("customer \"")
                        .append(words.pick(Vocabulary.WORLD))
                        .append("\" <")
                        .append(words.pick(Vocabulary.NOUNS).toLowerCase(java.util.Locale.ROOT))
                        .append("@example.com> & friends");
            } else if (roll < 0.8) {
                text.append("{\"test\":\"")
                        .append(testName)
                        .append("\",\"amount\":")
                        .append(words.between(1, 99_999))
                        .append(",\"currency\":\"EUR\",\"tags\":[\"a\",\"b\"]}");
            } else if (roll < 0.999) {
                text.append("SELECT * FROM ")
                        .append(words.pick(Vocabulary.NOUNS).toLowerCase(java.util.Locale.ROOT))
                        .append(" WHERE id < ")
                        .append(words.between(1, 9999))
                        .append(" AND state <> 'CLOSED'");
            } else {
                // Rare, but real: output that contains the CDATA terminator.
                text.append("payload ends with ]]> marker");
            }
            text.append('\n');
        }

        private Problem assertionProblem(String testName) {
            long expected = words.between(1, 100_000);
            long actual = expected + words.between(1, 5_000);
            double roll = words.nextDouble();
            String message;
            String type = "org.opentest4j.AssertionFailedError";
            if (roll < 0.6) {
                message = "expected: <" + expected + "> but was: <" + actual + ">";
            } else if (roll < 0.8) {
                message = words.pick(Vocabulary.NOUNS).toLowerCase(java.util.Locale.ROOT) + " total ==> expected: <"
                        + expected + "> but was: <" + actual + ">";
            } else {
                // AssertJ's multi-line messages end up as &#10; in the attribute.
                type = "java.lang.AssertionError";
                message = "\nExpecting actual:\n  [\"" + words.pick(Vocabulary.WORLD) + "\", \""
                        + words.pick(Vocabulary.NOUNS) + "\"]\nto contain:\n  [\"" + words.pick(Vocabulary.NOUNS)
                        + "\"]\nbut could not find:\n  [\"" + words.pick(Vocabulary.NOUNS) + "\"]\n";
            }
            StringBuilder trace =
                    new StringBuilder(type).append(": ").append(message).append('\n');
            int assertionFrames = type.startsWith("org.opentest4j") ? ASSERTION_FRAMES.size() : 1;
            for (int i = 0; i < assertionFrames; i++) {
                frame(trace, ASSERTION_FRAMES.get(i));
            }
            frame(
                    trace,
                    className + "." + stripParameters(testName) + "(" + simpleName + ".java:" + words.between(20, 900)
                            + ")");
            frameworkFrames(trace);
            return new Problem(message, type, trace.toString());
        }

        private Problem exceptionProblem(String testName) {
            String type = words.pick(EXCEPTIONS);
            String message = switch (type) {
                case "java.lang.NullPointerException" ->
                    "Cannot invoke \"com.example." + module + "."
                            + words.pick(Vocabulary.NOUNS) + ".id()\" because \""
                            + words.pick(Vocabulary.NOUNS).toLowerCase(java.util.Locale.ROOT) + "\" is null";
                case "java.net.SocketTimeoutException" -> "Read timed out";
                default ->
                    words.pick(Vocabulary.NOUNS).toLowerCase(java.util.Locale.ROOT) + " "
                            + words.between(1, 99_999) + " is "
                            + words.pick(Vocabulary.QUALIFIERS).toLowerCase(java.util.Locale.ROOT);
            };
            StringBuilder trace =
                    new StringBuilder(type).append(": ").append(message).append('\n');
            int depth = words.between(1, 8);
            for (int i = 0; i < depth; i++) {
                String noun = words.pick(Vocabulary.NOUNS);
                String role = words.pick(Vocabulary.ROLES);
                frame(
                        trace,
                        "com.example." + module + "." + words.pick(Vocabulary.FEATURES) + "." + noun + role + "."
                                + words.productionMethodName() + "(" + noun + role + ".java:" + words.between(10, 1500)
                                + ")");
            }
            frame(
                    trace,
                    className + "." + stripParameters(testName) + "(" + simpleName + ".java:" + words.between(20, 900)
                            + ")");
            frameworkFrames(trace);
            if (words.chance(0.3)) {
                String cause = words.pick(EXCEPTIONS);
                trace.append("Caused by: ")
                        .append(cause)
                        .append(": ")
                        .append(words.pick(Vocabulary.QUALIFIERS).toLowerCase(java.util.Locale.ROOT))
                        .append(" state\n");
                frame(trace, "com.example." + module + ".support.Retry.call(Retry.java:" + words.between(10, 99) + ")");
                trace.append("\t... ").append(words.between(20, 60)).append(" more\n");
            }
            return new Problem(message, type, trace.toString());
        }

        /** Trimmed traces keep a few framework frames; untrimmed ones keep the whole JUnit stack. */
        private void frameworkFrames(StringBuilder trace) {
            int count = words.chance(0.5) ? words.between(2, 6) : JUNIT_FRAMES.size();
            for (int i = 0; i < count; i++) {
                frame(trace, JUNIT_FRAMES.get(i));
            }
        }

        String render() {
            StringBuilder file = new StringBuilder(cases.length() + 8 * 1024);
            long[] attributes = suiteAttributes();
            file.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                    .append("<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                    .append(" xsi:noNamespaceSchemaLocation=\"")
                    .append(SCHEMA)
                    .append("\" version=\"3.0.2\" name=\"")
                    .append(className)
                    .append("\" time=\"")
                    .append(seconds(attributes[4]))
                    .append("\" tests=\"")
                    .append(attributes[0])
                    .append("\" errors=\"")
                    .append(attributes[1])
                    .append("\" skipped=\"")
                    .append(attributes[2])
                    .append("\" failures=\"")
                    .append(attributes[3])
                    .append("\">\n")
                    .append(propertiesByModule.computeIfAbsent(module, SurefireReportWriter.this::properties))
                    .append(cases)
                    .append("</testsuite>");
            return file.toString();
        }

        /**
         * tests, errors, skipped, failures, millis. Surefire 3.5.4 writes the last rerun pass's
         * counts when reruns happened (SUREFIRE-1627); this mimics it.
         */
        private long[] suiteAttributes() {
            if (secondRerunTests > 0) {
                return new long[] {secondRerunTests, secondRerunErrors, 0, secondRerunFailures, millis / 50 + 1};
            }
            if (firstRerunTests > 0) {
                return new long[] {firstRerunTests, 0, 0, 0, millis / 20 + 1};
            }
            return new long[] {total, errors, skipped, failed, millis};
        }
    }

    /** The forked JVM's system properties, as Surefire writes them for every class of a module. */
    private String properties(String module) {
        String basedir = "/var/lib/jenkins/workspace/shop/" + module;
        StringBuilder classPath = new StringBuilder(basedir + "/target/test-classes:" + basedir + "/target/classes:");
        for (String jar : CLASS_PATH_JARS) {
            classPath.append("/var/lib/jenkins/.m2/repository/").append(jar).append(':');
        }
        String booter = basedir + "/target/surefire/surefirebooter-20261127164604085_3.jar";
        List<String[]> properties = new ArrayList<>();
        properties.add(new String[] {"java.specification.version", "17"});
        properties.add(new String[] {"sun.jnu.encoding", "UTF-8"});
        properties.add(new String[] {"java.class.path", classPath.toString()});
        properties.add(new String[] {"java.vm.vendor", "Debian"});
        properties.add(new String[] {"sun.arch.data.model", "64"});
        properties.add(new String[] {"java.vendor.url", "https://tracker.debian.org/openjdk-17"});
        properties.add(new String[] {"os.name", "Linux"});
        properties.add(new String[] {"java.vm.specification.version", "17"});
        properties.add(new String[] {"sun.java.launcher", "SUN_STANDARD"});
        properties.add(new String[] {"sun.boot.library.path", "/usr/lib/jvm/java-17-openjdk-amd64/lib"});
        properties.add(new String[] {
            "sun.java.command",
            booter + " " + basedir + "/target/surefire 2026-11-27T16-46-03_998-jvmRun1 surefire-20261127164604085_1tmp"
                    + " surefire_0-20261127164604085_2tmp"
        });
        properties.add(new String[] {"jdk.debug", "release"});
        properties.add(new String[] {"surefire.test.class.path", classPath.toString()});
        properties.add(new String[] {"sun.cpu.endian", "little"});
        properties.add(new String[] {"user.home", "/var/lib/jenkins"});
        properties.add(new String[] {"user.language", "en"});
        properties.add(new String[] {"java.specification.vendor", "Oracle Corporation"});
        properties.add(new String[] {"java.version.date", "2025-04-15"});
        properties.add(new String[] {"java.home", "/usr/lib/jvm/java-17-openjdk-amd64"});
        properties.add(new String[] {"file.separator", "/"});
        properties.add(new String[] {"basedir", basedir});
        properties.add(new String[] {"java.vm.compressedOopsMode", "Zero based"});
        properties.add(new String[] {"line.separator", "\n"});
        properties.add(new String[] {"java.vm.specification.vendor", "Oracle Corporation"});
        properties.add(new String[] {"java.specification.name", "Java Platform API Specification"});
        properties.add(new String[] {"surefire.real.class.path", booter});
        properties.add(new String[] {"sun.management.compiler", "HotSpot 64-Bit Tiered Compilers"});
        properties.add(new String[] {"java.runtime.version", "17.0.15+6-Debian-1deb12u1"});
        properties.add(new String[] {"user.name", "jenkins"});
        properties.add(new String[] {"path.separator", ":"});
        properties.add(new String[] {"os.version", "6.1.0-27-amd64"});
        properties.add(new String[] {"java.runtime.name", "OpenJDK Runtime Environment"});
        properties.add(new String[] {"file.encoding", "UTF-8"});
        properties.add(new String[] {"java.vm.name", "OpenJDK 64-Bit Server VM"});
        properties.add(new String[] {"localRepository", "/var/lib/jenkins/.m2/repository"});
        properties.add(new String[] {"java.vendor.url.bug", "https://bugs.debian.org/openjdk-17"});
        properties.add(new String[] {"java.io.tmpdir", "/tmp"});
        properties.add(new String[] {"java.version", "17.0.15"});
        properties.add(new String[] {"surefire.rerunFailingTestsCount", String.valueOf(RERUNS)});
        properties.add(new String[] {"user.dir", basedir});
        properties.add(new String[] {"os.arch", "amd64"});
        properties.add(new String[] {"java.vm.specification.name", "Java Virtual Machine Specification"});
        properties.add(new String[] {"native.encoding", "UTF-8"});
        properties.add(new String[] {
            "java.library.path",
            "/usr/java/packages/lib:/usr/lib/x86_64-linux-gnu/jni:/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu"
                    + ":/usr/lib/jni:/lib:/usr/lib"
        });
        properties.add(new String[] {"java.vm.info", "mixed mode, sharing"});
        properties.add(new String[] {"java.vendor", "Debian"});
        properties.add(new String[] {"java.vm.version", "17.0.15+6-Debian-1deb12u1"});
        properties.add(new String[] {"java.specification.maintenance.version", "1"});
        properties.add(new String[] {"sun.io.unicode.encoding", "UnicodeLittle"});
        properties.add(new String[] {"java.class.version", "61.0"});
        properties.add(new String[] {"maven.test.failure.ignore", "true"});
        StringBuilder block = new StringBuilder(8 * 1024).append("  <properties>\n");
        for (String[] property : properties) {
            block.append("    <property name=\"")
                    .append(property[0])
                    .append("\" value=\"")
                    .append(escape(property[1]))
                    .append("\"/>\n");
        }
        return block.append("  </properties>\n").toString();
    }

    private record Problem(String message, String type, String trace) {}

    private static void frame(StringBuilder trace, String frame) {
        trace.append("\tat ").append(frame).append('\n');
    }

    private static String stripParameters(String testName) {
        int paren = testName.indexOf('(');
        return paren < 0 ? testName : testName.substring(0, paren);
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }

    /** Seconds as Surefire prints them: {@code 0.041}, {@code 0.0}, {@code 1.5}. */
    static String seconds(long millis) {
        return Double.toString(millis / 1000.0);
    }

    /** Attribute escaping as Surefire does it, line breaks as character references. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\n' -> escaped.append("&#10;");
                case '\r' -> escaped.append("&#13;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Surefire splits a CDATA terminator inside the text across two sections. */
    static String cdata(String text) {
        return text.replace("]]>", "]]]]><![CDATA[>");
    }
}
