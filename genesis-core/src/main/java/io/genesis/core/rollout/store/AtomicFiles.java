package io.genesis.core.rollout.store;

import io.genesis.core.secret.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Replaces a file so that after a crash it holds either the old content or the new, never a mix:
 * write a temporary file beside it, force it to disk, rename it over the target atomically, then
 * force the directory so the rename itself survives a power loss. The directory is private and the
 * file {@code 0600}, and a link in the file's place is refused ({@link PrivateFiles}).
 */
public final class AtomicFiles {

    /** Temporary files start with this; readers skip them, and a crash may leave one behind. */
    public static final String TEMPORARY_PREFIX = ".tmp-";

    private AtomicFiles() {}

    /**
     * Writes {@code content} to {@code file} atomically.
     *
     * @param force whether to force data and directory to disk; only simulations may skip it
     */
    public static void write(Path file, byte[] content, boolean force) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (directory == null) {
            throw new IOException(file + " names no file: state needs a file inside a directory");
        }
        PrivateFiles.directory(directory);
        // A rename replaces a link rather than following it; refusing it still says that someone planted one.
        PrivateFiles.refuseLink(file);
        Path temporary = directory.resolve(TEMPORARY_PREFIX + file.getFileName() + "-" + UUID.randomUUID());
        try {
            try (FileChannel channel = PrivateFiles.createNew(temporary)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (force) {
                    channel.force(true);
                }
            }
            move(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
        if (force) {
            forceDirectory(directory);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(
                    "the file system of " + to + " cannot rename atomically, so state could be torn by a"
                            + " crash; put the Genesis store on a local file system",
                    e);
        }
    }

    /** Forces a directory's entries to disk; file systems that cannot (Windows) are left alone. */
    static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Opening a directory for reading is not possible everywhere; the rename is still atomic.
        }
    }
}
