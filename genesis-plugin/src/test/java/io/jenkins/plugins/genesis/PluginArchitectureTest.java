package io.jenkins.plugins.genesis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import io.genesis.architecture.ArchitectureRules;
import io.genesis.core.policy.Environments;
import io.jenkins.plugins.genesis.board.folder.FolderBoardFactory;
import io.jenkins.plugins.genesis.config.GenesisConfiguration;
import io.jenkins.plugins.genesis.gate.checks.ChecksGatePublication;
import io.jenkins.plugins.genesis.kubernetes.cloud.KubernetesPluginClouds;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The plugin is the only place that knows Jenkins, and it needs neither the sandbox's Jetty nor
 * the command line's picocli, which are not bundled in the .hpi.
 */
class PluginArchitectureTest {

    /*
     * Production classes only, from folders and jars alike (the engine arrives as a jar). ArchUnit's
     * own test filter does not know this module's second output folder (target/surface-build) nor
     * Maven test jars, hence this option.
     */
    private static final Pattern TEST_LOCATION = Pattern.compile(".*(/test-classes/|-tests\\.jar).*");
    private static final ImportOption PRODUCTION_ONLY = (Location location) -> !location.matches(TEST_LOCATION);

    @Test
    void shouldKeepJenkinsOutOfEveryGenesisClassButThePlugin() {
        // given
        JavaClasses genesis = production("io.genesis");

        // then
        assertThat(genesis.contain(Environments.class)).isTrue();
        ArchitectureRules.ONLY_THE_PLUGIN_USES_JENKINS.check(genesis);
    }

    @Test
    void shouldNotNeedTheSandboxOrTheCommandLine() {
        // given
        JavaClasses plugin = production("io.jenkins.plugins.genesis");

        // then
        assertThat(plugin.contain(GenesisConfiguration.class)).isTrue();
        ArchitectureRules.PLUGIN_USES_NO_SANDBOX_OR_CLI_LIBRARY.check(plugin);
    }

    @Test
    void shouldNameTheOptionalChecksApiInItsOwnPackageOnly() {
        // given
        JavaClasses plugin = production("io.jenkins.plugins.genesis");

        // then: Jenkins leaves that package's @Extension(optional = true) out without the plugin
        noClasses()
                .that()
                .resideOutsideOfPackage("io.jenkins.plugins.genesis.gate.checks..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.jenkins.plugins.checks..")
                .check(plugin);
        assertThat(plugin.contain(ChecksGatePublication.class)).isTrue();
    }

    @Test
    void shouldNameTheOptionalFolderPluginInItsOwnPackageOnly() {
        // given
        JavaClasses plugin = production("io.jenkins.plugins.genesis");

        // then: Jenkins leaves that package's @Extension(optional = true) out without the plugin
        noClasses()
                .that()
                .resideOutsideOfPackage("io.jenkins.plugins.genesis.board.folder..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.cloudbees.hudson.plugins.folder..")
                .check(plugin);
        assertThat(plugin.contain(FolderBoardFactory.class)).isTrue();
    }

    @Test
    void shouldNameTheOptionalKubernetesPluginInItsOwnPackageOnly() {
        // given
        JavaClasses plugin = production("io.jenkins.plugins.genesis");

        // then: Jenkins leaves that package's @Extension(optional = true) out without the plugin
        noClasses()
                .that()
                .resideOutsideOfPackage("io.jenkins.plugins.genesis.kubernetes.cloud..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.csanchez.jenkins.plugins.kubernetes..", "org.jenkinsci.plugins.kubernetes..")
                .check(plugin);
        assertThat(plugin.contain(KubernetesPluginClouds.class)).isTrue();
    }

    @Test
    void shouldFailWhenAnEngineClassUsesJenkins() throws ClassNotFoundException {
        // given
        Class<?> leak = Class.forName("io.genesis.core.archviolation2.JenkinsLeak");

        // when / then
        assertThatThrownBy(() -> ArchitectureRules.ONLY_THE_PLUGIN_USES_JENKINS.check(ArchitectureRules.only(leak)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("JenkinsLeak")
                .hasMessageContaining("jenkins.model.GlobalConfiguration");
    }

    private static JavaClasses production(String packageName) {
        return new ClassFileImporter().withImportOption(PRODUCTION_ONLY).importPackages(packageName);
    }
}
