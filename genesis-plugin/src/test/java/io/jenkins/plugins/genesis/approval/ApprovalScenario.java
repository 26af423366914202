package io.jenkins.plugins.genesis.approval;

import static io.jenkins.plugins.genesis.LiveJenkins.action;
import static io.jenkins.plugins.genesis.LiveJenkins.createPipeline;
import static io.jenkins.plugins.genesis.LiveJenkins.get;
import static io.jenkins.plugins.genesis.LiveJenkins.postAs;
import static io.jenkins.plugins.genesis.LiveJenkins.secure;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import hudson.security.Permission;
import io.genesis.core.target.DeploymentKey;
import io.jenkins.plugins.genesis.LiveJenkins;
import io.jenkins.plugins.genesis.config.EnvironmentConfig;
import io.jenkins.plugins.genesis.config.GenesisConfiguration;
import io.jenkins.plugins.genesis.deploy.TestSandboxes;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * The approval scenario of the {@code *JenkinsTest} tests: a secured Jenkins whose production
 * environment needs approval by alice or the release-managers group (carol is a member), with
 * self-approval prevented and no wait timer; bob may build the job {@code deploy}, which runs
 * {@code genesisDeploy} to production; mallory (group developers) and anonymous may only read (so
 * the tests read the remote API anonymously); root is an administrator. The
 * deploy step is named by script text only, so these tests compile before it exists.
 */
final class ApprovalScenario {

    static final String JOB = "deploy";
    static final String APPROVAL = "job/" + JOB + "/1/" + ApprovalAction.URL_NAME + "/";

    /**
     * The target of the deploy: named by script text. It must be a target the deploy step's own
     * {@code *JenkinsTest} tests use (a Kubernetes mock on 127.0.0.1 or the sandbox), so that the
     * rollout can finish once approved; the approval itself comes before anything is deployed.
     */
    static final String TARGET = "testSandbox()";

    /** Where the deploy goes: a sandbox running 1.3.0 of shop in production (see {@link #TARGET}). */
    static AutoCloseable target() {
        return TestSandboxes.running(DeploymentKey.of("shop", "production"), "1.3.0");
    }

    static final String SCRIPT = "genesisDeploy application: 'shop', environment: 'production',"
            + " strategy: 'blueGreen', version: '1.4.0', target: " + TARGET;

    private ApprovalScenario() {}

    static void setUp(JenkinsRule j) throws Exception {
        EnvironmentConfig production = new EnvironmentConfig("production");
        production.setApprovalRequired(true);
        production.setApprovers(List.of("alice"));
        production.setApproverGroups(List.of("release-managers"));
        production.setPreventSelfApproval(true);
        production.setWaitTimerMinutes(0);
        GenesisConfiguration.get().setEnvironments(List.of(production));
        createPipeline(j, JOB, SCRIPT);
        secure(
                j,
                new MockAuthorizationStrategy()
                        .grant(Permission.fromId("hudson.model.Hudson.Read"), Item.READ)
                        .everywhere()
                        .to("anonymous", "alice", "bob", "carol", "mallory")
                        .grant(Permission.fromId("hudson.model.Item.Build"))
                        .everywhere()
                        .to("bob")
                        .grant(Permission.fromId("hudson.model.Hudson.Administer"))
                        .everywhere()
                        .to("root"),
                Map.of("carol", List.of("release-managers"), "mallory", List.of("developers")));
    }

    /** Bob starts build 1 of the job, so his account is the rollout's initiator. */
    static void startAsBob(JenkinsRule j) throws Exception {
        assertThat(postAs(j, "bob", "job/" + JOB + "/build?delay=0sec").statusCode())
                .isEqualTo(201);
    }

    /** The approval action of build 1 as the remote API shows it, once {@code until} holds. */
    static String awaitApproval(JenkinsRule j, Predicate<String> until) throws Exception {
        return await(j, () -> approvalJson(j), until, "the approval of build 1");
    }

    static String awaitWaiting(JenkinsRule j) throws Exception {
        return awaitApproval(j, json -> json.contains("\"state\":\"WAITING\""));
    }

    /** POSTs {@code user}'s answer ({@code approve} or {@code reject}) with {@code comment}. */
    static HttpResponse<String> answer(JenkinsRule j, String user, String verb, String comment) throws Exception {
        return postAs(j, user, APPROVAL + verb + "?comment=" + URLEncoder.encode(comment, StandardCharsets.UTF_8));
    }

    /** The result of build 1 once it has finished. */
    static String awaitResult(JenkinsRule j) throws Exception {
        String json = await(
                j,
                () -> get(j, "job/" + JOB + "/1/api/json?tree=building,result"),
                text -> text.contains("\"building\":false"),
                "build 1 to finish");
        return json.replaceAll(".*\"result\":\"?([A-Z_a-z]+)\"?.*", "$1");
    }

    private static String approvalJson(JenkinsRule j) throws Exception {
        String api = get(
                j,
                "job/" + JOB + "/1/api/json?tree=actions[requestId,question,state,answeredBy,answeredAt,comment,"
                        + "whoMayAnswer,withdrawnReason]");
        return api.contains(ApprovalAction.class.getName()) ? action(api, ApprovalAction.class.getName()) : "";
    }

    private interface Read {
        String read() throws Exception;
    }

    private static String await(JenkinsRule j, Read read, Predicate<String> until, String what) throws Exception {
        return LiveJenkins.eventually(
                () -> {
                    try {
                        return read.read();
                    } catch (AssertionError notYet) {
                        return notYet.getMessage();
                    }
                },
                until,
                "waiting for " + what);
    }
}
