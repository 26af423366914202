package io.jenkins.plugins.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.cli.CLICommandInvoker;
import hudson.security.AuthorizationStrategy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jvnet.hudson.test.JenkinsRule;
import org.springframework.security.core.Authentication;

/**
 * What the {@code *JenkinsTest} tests do to a running Jenkins: create and build Pipeline jobs
 * through Jenkins' CLI, read pages over HTTP (as a user, with a CSRF crumb for POST), start an
 * agent and install a security realm.
 *
 * <p>Jobs and builds go through the CLI ({@code create-job}, then {@code build -s -v}, whose exit
 * code is the build result: 0 success, 1 unstable, 2 failure) and HTTP rather than through
 * {@code WorkflowJob}/{@code WorkflowRun}, whose exact mirror would pull about 90 more types into the
 * API surface these tests compile against here. For the same reason three members are reached by
 * reflection, by their real names: {@code JenkinsRule.jenkins} (a {@code jenkins.model.Jenkins}, whose
 * supertypes need the remoting library) and {@code JenkinsRule.createOnlineSlave(Label)} with
 * {@code Label.get(String)} (whose agent types, {@code Node}, {@code Computer} and {@code Launcher},
 * would bring in some thirty more). A renamed member fails these tests loudly, in the real build.
 */
public final class LiveJenkins {

    /** Build results as the exit code of {@code build -s}. */
    public static final int SUCCESS = 0;

    public static final int UNSTABLE = 1;
    public static final int FAILURE = 2;

    private static final Pattern CRUMB = Pattern.compile("\"crumb\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CRUMB_FIELD = Pattern.compile("\"crumbRequestField\"\\s*:\\s*\"([^\"]+)\"");

    private LiveJenkins() {}

    /** The exit code of {@code build -s} (the build result) and the console that {@code -v} printed. */
    public record Build(int result, String console) {}

    /** Creates the Pipeline job {@code name} running {@code script} in the sandbox. */
    public static void createPipeline(JenkinsRule j, String name, String script) {
        String config = "<?xml version='1.1' encoding='UTF-8'?>\n<flow-definition>\n"
                + "  <definition class=\"org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition\">\n"
                + "    <script>" + escape(script) + "</script>\n    <sandbox>true</sandbox>\n"
                + "  </definition>\n</flow-definition>\n";
        CLICommandInvoker.Result created = new CLICommandInvoker(j, "create-job")
                .withStdin(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)))
                .invokeWithArgs(name);
        assertThat(created.returnCode()).as(created.stderr()).isZero();
    }

    /** Creates the folder {@code name} (cloudbees-folder's {@code Folder}, named by its XML only). */
    public static void createFolder(JenkinsRule j, String name) {
        String config = "<?xml version='1.1' encoding='UTF-8'?>\n"
                + "<com.cloudbees.hudson.plugins.folder.Folder plugin=\"cloudbees-folder\"/>\n";
        CLICommandInvoker.Result created = new CLICommandInvoker(j, "create-job")
                .withStdin(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)))
                .invokeWithArgs(name);
        assertThat(created.returnCode()).as(created.stderr()).isZero();
    }

    /** Builds job {@code name} and waits for the result. */
    public static Build build(JenkinsRule j, String name) {
        CLICommandInvoker.Result built = new CLICommandInvoker(j, "build").invokeWithArgs(name, "-s", "-v");
        return new Build(built.returnCode(), built.stdout());
    }

    /** Creates the Pipeline job {@code name} and builds it once. */
    public static Build run(JenkinsRule j, String name, String script) {
        createPipeline(j, name, script);
        return build(j, name);
    }

    /**
     * The JSON object of the first action of class {@code actionClass} in a build's remote API
     * answer ({@code api/json?tree=actions[...]}), braces included.
     */
    public static String action(String apiJson, String actionClass) {
        int start = apiJson.indexOf("{\"_class\":\"" + actionClass + "\"");
        assertThat(start).as("%s in %s", actionClass, apiJson).isNotNegative();
        int depth = 0;
        for (int i = start; i < apiJson.length(); i++) {
            char c = apiJson.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth == 0) {
                return apiJson.substring(start, i + 1);
            }
        }
        throw new AssertionError("unbalanced JSON: " + apiJson);
    }

    /** The page at {@code path}, read anonymously; it must answer 200. */
    public static String get(JenkinsRule j, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(j.getURL() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /**
     * POSTs to {@code path} as {@code user} (whose password, in the test harness's dummy realm, is
     * the user name), with a crumb fetched in the same session, and returns the response.
     */
    public static HttpResponse<String> postAs(JenkinsRule j, String user, String path)
            throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> crumb = client.send(
                HttpRequest.newBuilder(URI.create(j.getURL() + "crumbIssuer/api/json"))
                        .header("Authorization", authorization)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(j.getURL() + path))
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.noBody());
        // Without a crumb every POST is refused, which would make any "refused" assertion pass.
        assertThat(crumb.statusCode()).as("crumb for %s", user).isEqualTo(200);
        List<String> header = crumbHeader(crumb.body());
        post.header(header.get(0), header.get(1));
        return client.send(post.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The header name and value of the crumb in {@code crumbIssuer/api/json}'s answer. */
    static List<String> crumbHeader(String json) {
        Matcher value = CRUMB.matcher(json);
        Matcher field = CRUMB_FIELD.matcher(json);
        assertThat(value.find() && field.find()).as(json).isTrue();
        return List.of(field.group(1), value.group(1));
    }

    /** Installs the harness's dummy security realm (password = user name) and {@code strategy}. */
    public static void secure(JenkinsRule j, AuthorizationStrategy strategy) throws ReflectiveOperationException {
        secure(j, strategy, Map.of());
    }

    /**
     * Installs the harness's dummy security realm (password = user name), whose users belong to
     * the groups {@code groups} names for them, and {@code strategy}.
     */
    public static void secure(JenkinsRule j, AuthorizationStrategy strategy, Map<String, List<String>> groups)
            throws ReflectiveOperationException {
        Object jenkins = JenkinsRule.class.getField("jenkins").get(j);
        Object realm = JenkinsRule.class.getMethod("createDummySecurityRealm").invoke(j);
        Method addGroups = realm.getClass().getMethod("addGroups", String.class, String[].class);
        for (Map.Entry<String, List<String>> user : groups.entrySet()) {
            addGroups.invoke(realm, user.getKey(), user.getValue().toArray(String[]::new));
        }
        Class<?> realmType = Class.forName("hudson.security.SecurityRealm");
        jenkins.getClass().getMethod("setSecurityRealm", realmType).invoke(jenkins, realm);
        jenkins.getClass()
                .getMethod("setAuthorizationStrategy", AuthorizationStrategy.class)
                .invoke(jenkins, strategy);
    }

    /** Starts an agent labelled {@code label} and waits until it is online. */
    public static void startAgent(JenkinsRule j, String label) throws ReflectiveOperationException {
        Class<?> labelType = Class.forName("hudson.model.Label");
        Object atom = labelType.getMethod("get", String.class).invoke(null, label);
        Method create = JenkinsRule.class.getMethod("createOnlineSlave", labelType);
        assertThat(create.invoke(j, atom)).isNotNull();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /**
     * What {@code read} returns once {@code until} holds, read again every 100 ms for at most a minute:
     * for conditions of the running Jenkins (a build ends, a page shows a line), which builds and the
     * engine reach on their own threads; never for a time window, which tests take from a clock.
     */
    public static <T> T eventually(Callable<T> read, Predicate<T> until, String what) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
        T last = read.call();
        while (!until.test(last)) {
            assertThat(Instant.now()).as("%s; last seen: %s", what, last).isBefore(giveUp);
            Thread.sleep(100);
            last = read.call();
        }
        return last;
    }

    /**
     * Makes builds of {@code job} run as {@code user}, through the harness's queue item authenticator,
     * reached by reflection by its real names (see the class comment for why the surface leaves it out).
     */
    @SuppressWarnings("unchecked")
    public static void runJobAs(String job, String user) throws ReflectiveOperationException {
        Class<?> users = Class.forName("hudson.model.User");
        Object bob = users.getMethod("getById", String.class, boolean.class).invoke(null, user, true);
        Authentication authentication =
                (Authentication) users.getMethod("impersonate2").invoke(bob);
        Class<?> mock = Class.forName("org.jvnet.hudson.test.MockQueueItemAuthenticator");
        Object authenticator = mock.getConstructor().newInstance();
        mock.getMethod("authenticate", String.class, Authentication.class).invoke(authenticator, job, authentication);
        Class<?> configuration = Class.forName("jenkins.security.QueueItemAuthenticatorConfiguration");
        Object global = configuration.getMethod("get").invoke(null);
        ((List<Object>) configuration.getMethod("getAuthenticators").invoke(global)).add(authenticator);
    }
}
