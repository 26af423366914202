package io.genesis.core.gate;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Finds the files a {@link ReportGlob} matches under one base directory (the workspace), and never
 * anything outside it: links are not followed into directories, and a linked file is only taken
 * when its target lies inside the base directory too.
 */
public final class ReportFinder {

    private final Path base;

    public ReportFinder(Path baseDirectory) {
        this.base = real(Objects.requireNonNull(baseDirectory, "baseDirectory")
                .toAbsolutePath()
                .normalize());
    }

    /**
     * The files matching {@code glob}, sorted by path, and the problems met; a glob that matches no
     * file yields the problem {@code no files matched <glob> under <dir>}.
     */
    public Found find(ReportGlob glob) {
        Path realBase = base;
        if (!Files.isDirectory(realBase)) {
            return Found.problem(
                    glob,
                    "the directory " + base + " does not exist or is not a directory; reports are looked for"
                            + " under it, so run the gate from the workspace (or pass the right directory)");
        }
        List<Path> files = new ArrayList<>();
        List<ReportProblem> problems = new ArrayList<>();
        if (glob.isLiteral()) {
            Path file = base.resolve(glob.relativePath());
            if (Files.isDirectory(file)) {
                problems.add(new ReportProblem(
                        glob.pattern(),
                        glob.pattern() + " under " + base + " is a directory, not a report file; write '"
                                + glob.pattern() + "/*.xml'"));
            } else if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                take(file, realBase, files, problems);
            }
        } else {
            Path start = base.resolve(String.join("/", glob.fixedPrefix()));
            if (Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS) && inside(start, realBase)) {
                walk(glob, start, realBase, files, problems);
            }
        }
        files.sort(Comparator.comparing(Path::toString));
        if (files.isEmpty() && problems.isEmpty()) {
            return Found.problem(
                    glob,
                    "no files matched " + glob.pattern() + " under " + base
                            + "; check the pattern (relative to that directory) and that the tool wrote its reports");
        }
        return new Found(glob, List.copyOf(files), List.copyOf(problems));
    }

    /** The file as the user sees it: relative to the base directory, with slashes. */
    public String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(base)
                ? base.relativize(absolute).toString().replace('\\', '/')
                : absolute.toString();
    }

    public Path base() {
        return base;
    }

    private void walk(ReportGlob glob, Path start, Path realBase, List<Path> files, List<ReportProblem> problems) {
        int depth = glob.depthBelowPrefix();
        try {
            Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (glob.matches(display(file))) {
                        take(file, realBase, files, problems);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // An unreadable directory below the pattern holds nothing we can read; the gate
                    // still fails with "no files matched" if nothing else matches.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(new ReportProblem(
                    glob.pattern(),
                    "cannot search " + display(start) + " for " + glob.pattern() + " ("
                            + e.getClass().getSimpleName() + "); check the directory's permissions"));
        }
    }

    private void take(Path file, Path realBase, List<Path> files, List<ReportProblem> problems) {
        if (!inside(file, realBase)) {
            problems.add(new ReportProblem(
                    display(file),
                    display(file) + " leads outside " + base + " through a link; it was not read: copy the"
                            + " report into the workspace instead"));
        } else if (Files.isRegularFile(file)) {
            files.add(file);
        }
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    private static boolean inside(Path path, Path realBase) {
        try {
            return path.toRealPath().startsWith(realBase);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What one glob found.
     *
     * @param glob the glob
     * @param files matching regular files inside the base directory, sorted
     * @param problems what went wrong, such as no match at all
     */
    public record Found(ReportGlob glob, List<Path> files, List<ReportProblem> problems) {

        public Found {
            Objects.requireNonNull(glob, "glob");
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }

        static Found problem(ReportGlob glob, String message) {
            return new Found(glob, List.of(), List.of(new ReportProblem(glob.pattern(), message)));
        }
    }
}
