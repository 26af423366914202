package io.genesis.sandbox.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTemplateTest {

    @Test
    void shouldFillInPortAndVersion() {
        CommandTemplate template = CommandTemplate.parse("java -jar app.jar --port {port} --tag app:{version}");

        assertThat(template.render(8123, "2.0.0"))
                .containsExactly("java", "-jar", "app.jar", "--port", "8123", "--tag", "app:2.0.0");
    }

    @Test
    void shouldSplitALineOnAnyWhiteSpace() {
        assertThat(CommandTemplate.parse("  run\t--listen=127.0.0.1:{port}   now ")
                        .arguments())
                .containsExactly("run", "--listen=127.0.0.1:{port}", "now");
    }

    @Test
    void shouldKeepArgumentsWithSpacesWhenGivenOneByOne() {
        CommandTemplate template = CommandTemplate.of("sh", "-c", "exec serve {port}");

        assertThat(template.render(9000, "1.0.0")).containsExactly("sh", "-c", "exec serve 9000");
    }

    @Test
    void shouldRequireThePortPlaceholder() {
        assertThatThrownBy(() -> CommandTemplate.parse("java -jar app.jar"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no {port} placeholder");
    }

    @Test
    void shouldRejectEmptyTemplates() {
        assertThatThrownBy(() -> CommandTemplate.parse("  ")).hasMessageContaining("command template line is empty");
        assertThatThrownBy(() -> new CommandTemplate(List.of())).hasMessageContaining("command template is empty");
        assertThatThrownBy(() -> CommandTemplate.of("run", " ", "{port}")).hasMessageContaining("blank argument");
    }

    @Test
    void shouldRefuseToRenderAnInvalidVersion() {
        CommandTemplate template = CommandTemplate.parse("serve {port} {version}");

        assertThatThrownBy(() -> template.render(9000, "1;reboot"))
                .hasMessageContaining("version must start with a letter or digit");
    }
}
