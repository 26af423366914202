package io.jenkins.plugins.genesis.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.approval.Identity;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class IdentitiesTest {

    @Test
    void shouldTakeTheUserIdAndGroupsFromTheAuthentication() {
        // given: what a security realm hands Jenkins for a logged-in user
        UsernamePasswordAuthenticationToken carol = new UsernamePasswordAuthenticationToken(
                "carol",
                null,
                List.of(new SimpleGrantedAuthority("authenticated"), new SimpleGrantedAuthority("release-managers")));

        // when
        Optional<Identity> identity = Identities.of(carol, false);

        // then
        assertThat(identity).hasValueSatisfying(i -> {
            assertThat(i.id()).isEqualTo("carol");
            assertThat(i.groups()).containsExactlyInAnyOrder("authenticated", "release-managers");
            assertThat(i.administrator()).isFalse();
        });
    }

    @Test
    void shouldMarkAnAdministratorOnlyAsJenkinsSays() {
        // given
        UsernamePasswordAuthenticationToken root = new UsernamePasswordAuthenticationToken("root", null, List.of());

        // when / then
        assertThat(Identities.of(root, true))
                .hasValueSatisfying(i -> assertThat(i.administrator()).isTrue());
        assertThat(Identities.of(root, false))
                .hasValueSatisfying(i -> assertThat(i.administrator()).isFalse());
    }

    @Test
    void shouldNeverMakeAnIdentityOfTheAnonymousUser() {
        // given: Jenkins' anonymous authentication, and a name-only variant of it
        AnonymousAuthenticationToken anonymous = new AnonymousAuthenticationToken(
                "anonymous", "anonymous", List.of(new SimpleGrantedAuthority("anonymous")));

        // then
        assertThat(Identities.of(anonymous, true)).isEmpty();
        assertThat(Identities.of(null, true)).isEmpty();
        assertThat(Identities.of("anonymous", List.of("release-managers"), false))
                .isEmpty();
        assertThat(Identities.of(" ", List.of(), false)).isEmpty();
    }

    @Test
    void shouldDropBlankAuthorities() {
        // when
        Optional<Identity> identity = Identities.of("carol", Arrays.asList(" ops ", "", null), false);

        // then
        assertThat(identity).hasValueSatisfying(i -> assertThat(i.groups()).containsExactly("ops"));
    }
}
