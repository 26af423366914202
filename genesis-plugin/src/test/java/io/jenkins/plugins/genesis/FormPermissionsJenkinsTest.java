package io.jenkins.plugins.genesis;

import static io.jenkins.plugins.genesis.LiveJenkins.createPipeline;
import static io.jenkins.plugins.genesis.LiveJenkins.postAs;
import static io.jenkins.plugins.genesis.LiveJenkins.secure;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import io.jenkins.plugins.genesis.config.EnvironmentConfig;
import io.jenkins.plugins.genesis.config.GenesisConfiguration;
import io.jenkins.plugins.genesis.gate.CriterionCriticality;
import io.jenkins.plugins.genesis.gate.GenesisGateStep;
import io.jenkins.plugins.genesis.gate.RequiredTest;
import io.jenkins.plugins.genesis.kubernetes.KubernetesTarget;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Every form check and list of the plugin ({@code doCheck*}, {@code doFill*}), called over HTTP by
 * POST: a user who may only read gets nothing from any of them; one who may configure the job gets
 * the step's forms on that job but not the global ones; an administrator gets all. The methods are
 * found by reflection, so a new form method is covered without touching this test. Also: Genesis'
 * permissions are registered. Run by the real build only.
 */
@WithJenkins
class FormPermissionsJenkinsTest {

    /** Overall/Read, as Jenkins.READ names it. */
    private static final String OVERALL_READ = "hudson.model.Hudson.Read";

    /** The describables whose descriptors answer forms, with whether the form belongs to a job. */
    private static final Map<Class<?>, Boolean> FORMS = Map.of(
            GenesisGateStep.class, true,
            RequiredTest.class, true,
            CriterionCriticality.class, true,
            EnvironmentConfig.class, false,
            GenesisConfiguration.class, false,
            KubernetesTarget.class, true);

    @BeforeEach
    void secureJenkins(JenkinsRule j) throws Exception {
        createPipeline(j, "shop", "echo 'hello'");
        Permission read = Permission.fromId(OVERALL_READ);
        secure(
                j,
                new MockAuthorizationStrategy()
                        .grant(read, Item.READ)
                        .everywhere()
                        .to("reader", "configurer")
                        .grant(Item.CONFIGURE)
                        .everywhere()
                        .to("configurer")
                        .grant(Permission.fromId("hudson.model.Hudson.Administer"))
                        .everywhere()
                        .to("admin"));
    }

    @Test
    void shouldAnswerAReaderWithNothing(JenkinsRule j) throws Exception {
        for (String url : formUrls(true)) {
            assertThat(status(postAs(j, "reader", url))).as(url).isEqualTo(403);
        }
    }

    @Test
    void shouldGiveSomeoneWhoConfiguresTheJobOnlyTheJobsForms(JenkinsRule j) throws Exception {
        for (Class<?> describable : FORMS.keySet()) {
            for (String method : webMethods(describable)) {
                String onJob = "job/shop/descriptorByName/" + describable.getName() + "/" + method + "?value=x";
                String atRoot = "descriptorByName/" + describable.getName() + "/" + method + "?value=x";
                int expectedOnJob = FORMS.get(describable) ? 200 : 403;
                assertThat(status(postAs(j, "configurer", onJob))).as(onJob).isEqualTo(expectedOnJob);
                assertThat(status(postAs(j, "configurer", atRoot))).as(atRoot).isEqualTo(403);
            }
        }
    }

    @Test
    void shouldGiveAnAdministratorEveryForm(JenkinsRule j) throws Exception {
        for (String url : formUrls(false)) {
            assertThat(status(postAs(j, "admin", url))).as(url).isEqualTo(200);
        }
    }

    @Test
    void shouldRegisterGenesisPermissionsUnderTheirIds(JenkinsRule j) {
        assertThat(Permission.fromId("io.jenkins.plugins.genesis.GenesisPermissions.Deploy"))
                .isSameAs(GenesisPermissions.DEPLOY);
        assertThat(Permission.fromId("io.jenkins.plugins.genesis.GenesisPermissions.Force"))
                .isSameAs(GenesisPermissions.FORCE);
        assertThat(Permission.fromId("io.jenkins.plugins.genesis.GenesisPermissions.Rollback"))
                .isSameAs(GenesisPermissions.ROLLBACK);
        assertThat(PermissionGroup.getAll()).contains(GenesisPermissions.GROUP);
        assertThat(GenesisPermissions.GROUP.getPermissions()).hasSize(3);
    }

    /** Every form URL, at the root and, when {@code withJobs}, on the job as well. */
    private static List<String> formUrls(boolean withJobs) {
        List<String> urls = new ArrayList<>();
        for (Class<?> describable : FORMS.keySet()) {
            for (String method : webMethods(describable)) {
                urls.add("descriptorByName/" + describable.getName() + "/" + method + "?value=x");
                if (withJobs) {
                    urls.add("job/shop/descriptorByName/" + describable.getName() + "/" + method + "?value=x");
                }
            }
        }
        assertThat(urls).isNotEmpty();
        return urls;
    }

    /** {@code checkEnvironment}, {@code fillKindItems}, ...: the web names of a descriptor's form methods. */
    private static List<String> webMethods(Class<?> describable) {
        Class<?> descriptor = Arrays.stream(describable.getDeclaredClasses())
                .filter(nested -> nested.getSimpleName().equals("DescriptorImpl"))
                .findFirst()
                .orElse(describable);
        return Arrays.stream(descriptor.getDeclaredMethods())
                .map(Method::getName)
                .filter(name -> name.startsWith("doCheck") || name.startsWith("doFill"))
                .map(name -> name.substring(2, 3).toLowerCase(Locale.ROOT) + name.substring(3))
                .sorted()
                .toList();
    }

    private static int status(HttpResponse<String> response) {
        return response.statusCode();
    }
}
