package io.genesis.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of every module, in one place. Each module's architecture test checks its
 * own production classes against them, and proves with a deliberately broken class that the rule
 * it relies on does fail.
 */
public final class ArchitectureRules {

    /** Packages of Jenkins core, Stapler and the Jenkins plugins we use. */
    public static final String[] JENKINS = {
        "hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..", "org.jvnet..", "com.cloudbees..", "io.jenkins.."
    };

    public static final String[] KUBERNETES_CLIENT = {"io.fabric8.."};
    public static final String[] JETTY = {"org.eclipse.jetty.."};
    public static final String[] PICOCLI = {"picocli.."};

    /** The engine knows no framework: only the JDK and Jackson. */
    public static final ArchRule ENGINE_KNOWS_NO_FRAMEWORK = noClasses()
            .that()
            .resideInAPackage("io.genesis.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(concat(JENKINS, KUBERNETES_CLIENT, JETTY, PICOCLI))
            .because("genesis-core is the framework-free engine every adapter builds on (DESIGN.md section 4)");

    /** Arrows point down: the engine never reaches into an adapter. */
    public static final ArchRule ENGINE_DEPENDS_ON_NO_ADAPTER = noClasses()
            .that()
            .resideInAPackage("io.genesis.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.genesis.sandbox..",
                    "io.genesis.kubernetes..",
                    "io.genesis.docker..",
                    "io.genesis.cli..",
                    "io.jenkins.plugins.genesis..")
            .because("adapters depend on the engine, never the other way");

    /** Only the plugin translates to Jenkins; everything else runs without it. */
    public static final ArchRule ONLY_THE_PLUGIN_USES_JENKINS = noClasses()
            .that()
            .resideOutsideOfPackage("io.jenkins.plugins.genesis..")
            .and()
            .resideInAPackage("io.genesis..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(JENKINS)
            .because("the same engine runs in any CI and on a laptop");

    /** Jetty and picocli never enter the .hpi, so the plugin must not need them. */
    public static final ArchRule PLUGIN_USES_NO_SANDBOX_OR_CLI_LIBRARY = noClasses()
            .that()
            .resideInAPackage("io.jenkins.plugins.genesis..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(concat(JETTY, PICOCLI, new String[] {"io.genesis.sandbox..", "io.genesis.cli.."}))
            .because("Jetty and picocli are not bundled in the plugin");

    private ArchitectureRules() {}

    /** The production classes (no tests) under {@code packageName}. */
    public static JavaClasses productionClasses(String packageName) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(packageName);
    }

    /** Exactly the given classes, for proving that a rule fails on a deliberate violation. */
    public static JavaClasses only(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    private static String[] concat(String[]... groups) {
        return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
