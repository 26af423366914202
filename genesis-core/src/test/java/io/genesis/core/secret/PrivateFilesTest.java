package io.genesis.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

    @TempDir
    Path temp;

    @Test
    void shouldCreateEveryMissingDirectoryForItsOwnerOnly() throws IOException {
        assumeThat(PrivateFiles.posix()).isTrue();
        Path state = temp.resolve("a/b/state");

        PrivateFiles.directory(state);

        for (Path p : new Path[] {temp.resolve("a"), temp.resolve("a/b"), state}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
                    .as(p.toString())
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void shouldTightenAWideDirectoryOfItsOwn() throws IOException {
        assumeThat(PrivateFiles.posix()).isTrue();
        Path state = Files.createDirectory(temp.resolve("state"));
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxrwxrwx"));

        PrivateFiles.directory(state);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
                .isEqualTo("rwx------");
    }

    @Test
    void shouldCreateFilesForTheirOwnerOnlyAndTightenWideOnes() throws IOException {
        assumeThat(PrivateFiles.posix()).isTrue();
        Path wide = Files.writeString(temp.resolve("wide"), "x");
        Files.setPosixFilePermissions(wide, PosixFilePermissions.fromString("rw-rw-rw-"));

        try (FileChannel created = PrivateFiles.openReadWrite(temp.resolve("new"));
                FileChannel opened = PrivateFiles.openReadWrite(wide)) {
            assertThat(created.isOpen()).isTrue();
            assertThat(opened.isOpen()).isTrue();
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("new"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wide)))
                .isEqualTo("rw-------");
    }

    @Test
    void shouldRefuseALinkInsteadOfAStateDirectory() throws IOException {
        Path elsewhere = Files.createDirectory(temp.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(temp.resolve("state"), elsewhere);

        assertThatThrownBy(() -> PrivateFiles.directory(link))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(link + " is a symbolic link");
    }

    @Test
    void shouldNeitherReadNorWriteThroughALink() throws IOException {
        Path victim = Files.writeString(temp.resolve("victim"), "original");
        Path link = Files.createSymbolicLink(temp.resolve("history.jsonl"), victim);

        assertThatThrownBy(() -> PrivateFiles.openReadWrite(link)).hasMessageContaining("is a symbolic link");
        assertThatThrownBy(() -> PrivateFiles.read(link)).hasMessageContaining("is a symbolic link");
        assertThat(Files.readString(victim)).isEqualTo("original");
    }

    @Test
    void shouldRefuseADirectoryOwnedByAnotherUser() throws IOException {
        Path state = Files.createDirectory(temp.resolve("state"));
        UserPrincipal owner = Files.getOwner(state, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal other = anotherUserThan(owner);

        assertThatThrownBy(() -> PrivateFiles.requireOwner(state, Optional.of(other)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(state + " belongs to user " + owner.getName() + ", not to " + other.getName())
                .hasMessageContaining("--state-dir");
        PrivateFiles.requireOwner(state, Optional.of(owner));
    }

    private static UserPrincipal anotherUserThan(UserPrincipal owner) throws IOException {
        var users = FileSystems.getDefault().getUserPrincipalLookupService();
        UserPrincipal nobody = users.lookupPrincipalByName("nobody");
        return nobody.equals(owner) ? users.lookupPrincipalByName("root") : nobody;
    }
}
