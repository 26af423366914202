package io.genesis.core.secret;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;

/**
 * Files that hold what Genesis keeps between runs — rollout states, leases, the history, child
 * process logs — are private to the user who runs it and are never reached through a symbolic link.
 * Directories are created {@code 0700} and files {@code 0600} (on POSIX file systems), a directory
 * owned by another user is refused, and a link where a state file or directory should be is refused
 * rather than followed: a planted {@code history.jsonl} link would otherwise make a deploy append to
 * whatever file the link names.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    /** Looked up once: the lookup reads the user database, and every store operation checks its directory. */
    private static final Optional<UserPrincipal> CURRENT_USER = currentUser();

    private PrivateFiles() {}

    /**
     * {@code directory}, created with every missing parent as {@code 0700}, checked to be a real
     * directory (not a link) owned by this user, and made {@code 0700} if it was wider.
     *
     * @throws IOException naming the directory and the fix when it is a link or another user's
     */
    public static Path directory(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = absolute; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.push(p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p, directoryAttributes());
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // Another process made it in between; it is checked below like any existing one.
            }
        }
        return checkDirectory(absolute).orElseThrow(() -> new NoSuchFileException(absolute.toString()));
    }

    /**
     * {@code directory} checked as {@link #directory} checks it, without creating it: empty when it
     * does not exist.
     */
    public static Optional<Path> checkDirectory(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(absolute, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (attributes.isSymbolicLink()) {
            throw new IOException(absolute + " is a symbolic link; Genesis keeps its state only in a real directory"
                    + " of its own and never follows links there: remove the link, or pass the directory it"
                    + " should be with --state-dir");
        }
        if (!attributes.isDirectory()) {
            throw new IOException(absolute + " is not a directory; fix: remove it or choose another state directory");
        }
        requireOwner(absolute, CURRENT_USER);
        if (POSIX) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(absolute, LinkOption.NOFOLLOW_LINKS);
            if (!OWNER_DIRECTORY.containsAll(permissions)) {
                Files.setPosixFilePermissions(absolute, OWNER_DIRECTORY);
            }
        }
        return Optional.of(absolute);
    }

    /** Refuses {@code path} when another user than {@code expected} owns it. */
    static void requireOwner(Path path, Optional<UserPrincipal> expected) throws IOException {
        if (expected.isEmpty()) {
            return;
        }
        UserPrincipal owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
        if (!owner.equals(expected.get())) {
            throw new IOException(path + " belongs to user " + owner.getName() + ", not to "
                    + expected.get().getName() + " who runs Genesis; another user could plant rollouts or records"
                    + " there: use a state directory of your own (--state-dir, GENESIS_STATE_DIR)");
        }
    }

    /**
     * Opens {@code file} for reading and writing, created {@code 0600} if missing, refusing a link
     * (checked first for a clear message, and again by the operating system when opening).
     */
    public static FileChannel openReadWrite(Path file) throws IOException {
        refuseLink(file);
        boolean existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        FileChannel channel = FileChannel.open(
                file,
                Set.of(
                        StandardOpenOption.CREATE,
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS),
                fileAttributes());
        if (existed && POSIX) {
            tighten(file);
        }
        return channel;
    }

    /** Creates {@code file}, which must not exist, {@code 0600} and opened for writing. */
    public static FileChannel createNew(Path file) throws IOException {
        Set<OpenOption> options =
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        return FileChannel.open(file, options, fileAttributes());
    }

    /** Everything {@code file} holds, refusing a link. */
    public static byte[] read(Path file) throws IOException {
        refuseLink(file);
        try (SeekableByteChannel channel =
                Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException(file + " is too large to be a Genesis state file");
            }
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read until full or end of file
            }
            byte[] bytes = new byte[buffer.position()];
            buffer.flip().get(bytes);
            return bytes;
        }
    }

    /** Refuses {@code file} when it is a symbolic link, naming it and the fix. */
    public static void refuseLink(Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw new IOException(file + " is a symbolic link; Genesis never follows links to its state, lock,"
                    + " history or log files (one could make it write to any file you can write): remove the"
                    + " link and run again");
        }
    }

    /** Whether files get POSIX owner-only permissions here. */
    public static boolean posix() {
        return POSIX;
    }

    private static void tighten(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        if (!OWNER_FILE.containsAll(permissions)) {
            Files.setPosixFilePermissions(file, OWNER_FILE);
        }
    }

    private static FileAttribute<?>[] directoryAttributes() {
        return POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY)}
                : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] fileAttributes() {
        return POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
    }

    /** Who runs this process, as the file system names owners; empty where it cannot say. */
    private static Optional<UserPrincipal> currentUser() {
        try {
            return Optional.of(FileSystems.getDefault()
                    .getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name", "")));
        } catch (IOException | UnsupportedOperationException e) {
            // No name the file system knows (a container user without an entry): the link and mode checks still hold.
            return Optional.empty();
        }
    }
}
