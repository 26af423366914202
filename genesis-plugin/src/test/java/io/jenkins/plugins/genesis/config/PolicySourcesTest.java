package io.jenkins.plugins.genesis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.PolicyCases;
import io.genesis.core.policy.PolicyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The global configuration reads the environment definitions that the command line's loader reads
 * (the shared {@link PolicyCases} of the engine's test jar) to the same policy, with the same
 * defaults, and refuses each bad value it can hold with the same message. The command line's side
 * is {@code ConfigFileTest}; both compare with the same expected policy and messages.
 */
class PolicySourcesTest {

    /** The environments of a document, bound as Configuration as Code binds them. */
    static List<EnvironmentConfig> bindAsCasc(Object document) throws ReflectiveOperationException {
        List<EnvironmentConfig> configs = new ArrayList<>();
        Object environments = ((Map<?, ?>) document).get("environments");
        for (Object environment : (List<?>) environments) {
            configs.add(CascLikeBinding.bind(EnvironmentConfig.class, (Map<?, ?>) environment));
        }
        return configs;
    }

    @Test
    void shouldReadTheSharedEnvironmentsToTheSharedPolicy() throws Exception {
        // given
        List<EnvironmentConfig> configs = bindAsCasc(PolicyCases.tree(PolicyCases.ENVIRONMENTS));

        // when / then
        assertThat(EnvironmentTranslation.toEngine(configs)).isEqualTo(PolicyCases.expected());
    }

    static List<PolicyCases.Bad> typedBadValues() {
        return PolicyCases.bad().stream().filter(PolicyCases.Bad::typed).toList();
    }

    @ParameterizedTest
    @MethodSource("typedBadValues")
    void shouldRefuseABadValueWithTheSharedMessage(PolicyCases.Bad bad) throws Exception {
        // given
        List<EnvironmentConfig> configs = bindAsCasc(PolicyCases.tree(bad.yaml()));

        // when / then
        assertThatThrownBy(() -> EnvironmentTranslation.toEngine(configs))
                .isInstanceOf(PolicyException.class)
                .hasMessage(bad.message());
        assertThat(EnvironmentValidation.checkAll(configs))
                .contains(Messages.INVALID_ENVIRONMENT.format(bad.message()));
    }

    @Test
    void shouldBindTheConfigurationAsCodeExampleToTheTestsEnvironments() throws Exception {
        // given
        Map<?, ?> casc = (Map<?, ?>) PolicyCases.tree(cascExample());
        Object genesis = ((Map<?, ?>) casc.get("unclassified")).get("genesis");

        // when
        List<EnvironmentConfig> configs = bindAsCasc(genesis);

        // then
        assertThat(EnvironmentTranslation.toEngine(configs))
                .isEqualTo(EnvironmentTranslation.toEngine(
                        List.of(GenesisConfigurationJenkinsTest.canary(), GenesisConfigurationJenkinsTest.qa())));
    }

    static String cascExample() throws IOException {
        try (InputStream in = PolicySourcesTest.class.getResourceAsStream("configuration-as-code.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
