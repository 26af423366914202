package io.jenkins.plugins.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/**
 * The views Jenkins renders from {@code src/main/resources}: each configurable class has a
 * {@code config.jelly} with a field and a help file for every property it binds, every Jelly file
 * escapes by default, every form check is sent by POST and every web method that answers it demands
 * POST, and every text a view asks for exists in its {@code .properties} file.
 */
class ViewResourcesTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final String ESCAPE_BY_DEFAULT = "<?jelly escape-by-default='true'?>";
    private static final Pattern CHECKED_CONTROL = Pattern.compile("<f:(textbox|number|password|textarea)\\b[^>]*>");
    private static final Pattern TEXT_KEY = Pattern.compile("\\$\\{%([^}(]+)");
    private static final Pattern FIELD = Pattern.compile("field=\"([^\"]+)\"");
    private static final Pattern IT_PROPERTY = Pattern.compile("\\$\\{it\\.([A-Za-z]+)");

    static Stream<Path> jellyFiles() throws IOException {
        return files(".jelly");
    }

    /** The folders holding a {@code config.jelly}, each named after the class it configures. */
    static Stream<Path> configuredClassFolders() throws IOException {
        return files("config.jelly").map(Path::getParent);
    }

    @Test
    void shouldFindTheViews() throws IOException {
        assertThat(jellyFiles()).contains(RESOURCES.resolve("index.jelly"));
        assertThat(configuredClassFolders()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("jellyFiles")
    void shouldEscapeByDefault(Path jelly) throws IOException {
        assertThat(Files.readString(jelly)).startsWith(ESCAPE_BY_DEFAULT);
    }

    @ParameterizedTest
    @MethodSource("jellyFiles")
    void shouldSendEveryFormCheckByPost(Path jelly) throws IOException {
        // given
        Matcher controls = CHECKED_CONTROL.matcher(Files.readString(jelly));

        // when
        List<String> withoutPost = new ArrayList<>();
        while (controls.find()) {
            if (!controls.group().contains("checkMethod=\"post\"")) {
                withoutPost.add(controls.group());
            }
        }

        // then
        assertThat(withoutPost).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("jellyFiles")
    void shouldDefineEveryTextTheViewAsksFor(Path jelly) throws IOException {
        // given
        String name = jelly.getFileName().toString().replace(".jelly", "");
        Properties texts = load(jelly.resolveSibling(name + ".properties"));
        Matcher keys = TEXT_KEY.matcher(Files.readString(jelly));

        // when
        Set<String> missing = new TreeSet<>();
        while (keys.find()) {
            if (!texts.containsKey(keys.group(1))) {
                missing.add(keys.group(1));
            }
        }

        // then
        assertThat(missing).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("configuredClassFolders")
    void shouldShowAFieldAndAHelpFileForEveryBoundProperty(Path folder) throws Exception {
        // given
        Set<String> properties = boundProperties(classOf(folder));
        Set<String> fields = matches(FIELD, Files.readString(folder.resolve("config.jelly")));
        Set<String> helpFiles = new TreeSet<>();
        try (Stream<Path> help = Files.list(folder)) {
            help.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("help-") && n.endsWith(".html"))
                    .forEach(n -> helpFiles.add(n.substring("help-".length(), n.length() - ".html".length())));
        }

        // then
        assertThat(properties).isNotEmpty();
        assertThat(fields).containsAll(properties);
        assertThat(helpFiles).isEqualTo(properties);
    }

    @ParameterizedTest
    @MethodSource("configuredClassFolders")
    void shouldDemandPostAndMatchAPropertyInEveryFormCheck(Path folder) throws Exception {
        // given
        Class<?> configured = classOf(folder);
        Set<String> properties = boundProperties(configured);

        // when
        List<Method> checks = Arrays.stream(descriptorOf(configured).getDeclaredMethods())
                .filter(m -> m.getName().startsWith("doCheck") || m.getName().startsWith("doFill"))
                .toList();

        // then
        assertThat(checks).allSatisfy(check -> {
            assertThat(check.isAnnotationPresent(POST.class))
                    .as("%s has @POST", check)
                    .isTrue();
            assertThat(properties).contains(propertyChecked(check.getName()));
        });
    }

    /** Views other than forms, such as an action's {@code summary.jelly} on the build page. */
    static Stream<Path> displayViews() throws IOException {
        return jellyFiles()
                .filter(p -> !p.getFileName().toString().equals("config.jelly"))
                .filter(p -> !p.getParent().equals(RESOURCES));
    }

    @ParameterizedTest
    @MethodSource("displayViews")
    void shouldShowOnlyPropertiesItsObjectHas(Path jelly) throws Exception {
        // given
        Class<?> shown = classOf(jelly.getParent());
        Set<String> used = matches(IT_PROPERTY, Files.readString(jelly));

        // when
        Set<String> missing = new TreeSet<>();
        for (String property : used) {
            String suffix = property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
            boolean readable = Arrays.stream(shown.getMethods())
                    .anyMatch(m -> m.getParameterCount() == 0
                            && (m.getName().equals("get" + suffix)
                                    || m.getName().equals("is" + suffix)));
            if (!readable) {
                missing.add(property);
            }
        }

        // then
        assertThat(used).isNotEmpty();
        assertThat(missing).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("configuredClassFolders")
    void shouldDescribeEveryPipelineStepInAHelpFile(Path folder) throws Exception {
        // given
        Class<?> configured = classOf(folder);

        // then: the Snippet Generator shows help.html above the step's fields
        if (org.jenkinsci.plugins.workflow.steps.Step.class.isAssignableFrom(configured)) {
            assertThat(folder.resolve("help.html")).exists();
        }
    }

    @Test
    void shouldFindTheStepAndItsBuildPageView() throws IOException {
        assertThat(configuredClassFolders())
                .contains(RESOURCES.resolve("io/jenkins/plugins/genesis/gate/GenesisGateStep"));
        assertThat(displayViews())
                .contains(RESOURCES.resolve("io/jenkins/plugins/genesis/gate/GateBuildAction/summary.jelly"))
                .contains(RESOURCES.resolve("io/jenkins/plugins/genesis/gate/GateBuildAction/badge.jelly"));
        assertThat(configuredClassFolders())
                .contains(RESOURCES.resolve("io/jenkins/plugins/genesis/gate/CriterionCriticality"));
    }

    @Test
    void shouldAnswerApprovalsOnlyThroughPostForms() throws IOException {
        // given
        Path approval = RESOURCES.resolve("io/jenkins/plugins/genesis/approval/ApprovalAction");
        String page = Files.readString(approval.resolve("index.jelly"));

        // then: both answers are POSTs (Jenkins' page script, hudson-behavior.js, adds the crumb to every form)
        assertThat(displayViews()).contains(approval.resolve("index.jelly"), approval.resolve("summary.jelly"));
        assertThat(page)
                .contains("<f:form method=\"post\" action=\"approve\"", "<f:form method=\"post\" action=\"reject\"");
    }

    /** What Stapler and Configuration as Code bind: constructor parameters and setters. */
    static Set<String> boundProperties(Class<?> type) {
        Set<String> properties = new TreeSet<>();
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter parameter : constructor.getParameters()) {
                    assertThat(parameter.isNamePresent())
                            .as("compiled with -parameters")
                            .isTrue();
                    properties.add(parameter.getName());
                }
            }
        }
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                String name = method.getName().substring("set".length());
                properties.add(decapitalize(name));
            }
        }
        return properties;
    }

    private static Class<?> classOf(Path folder) throws ClassNotFoundException {
        String name = RESOURCES
                .relativize(folder)
                .toString()
                .replace(folder.getFileSystem().getSeparator(), ".");
        return Class.forName(name);
    }

    /** A global configuration is its own descriptor; anything else has a nested DescriptorImpl. */
    private static Class<?> descriptorOf(Class<?> configured) {
        return Arrays.stream(configured.getDeclaredClasses())
                .filter(nested ->
                        nested.getSimpleName().equals("DescriptorImpl") && Modifier.isStatic(nested.getModifiers()))
                .findFirst()
                .orElse(configured);
    }

    private static String propertyChecked(String methodName) {
        return decapitalize(methodName.replaceFirst("^do(Check|Fill)", "").replaceFirst("Items$", ""));
    }

    private static String decapitalize(String name) {
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return properties;
    }

    private static Stream<Path> files(String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(RESOURCES)) {
            return all.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList().stream();
        }
    }
}
