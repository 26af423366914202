package io.genesis.benchmarks.gate;

import io.genesis.core.gate.CoverageMetric;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one JaCoCo XML report shaped like jacoco-maven-plugin 0.8.x's {@code report} goal: a
 * single line, the XML declaration with {@code standalone="yes"}, the {@code DOCTYPE} naming
 * {@code report.dtd} (which is never beside the file), {@code <sessioninfo>} elements, then per
 * package all {@code <class>} elements (methods with their counters, then the class counters),
 * all {@code <sourcefile>} elements ({@code <line>} elements, then counters) and the package
 * counters; the report counters come last. Counters are consistent at every level, and a counter
 * with nothing to count is left out, as JaCoCo does.
 */
final class JacocoReportWriter {

    private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<!DOCTYPE report PUBLIC \"-//JACOCO//DTD Report 1.1//EN\" \"report.dtd\">";

    private static final List<String> DESCRIPTORS = List.of(
            "()V",
            "()I",
            "()J",
            "()Z",
            "()Ljava/lang/String;",
            "(Ljava/lang/String;)V",
            "(Ljava/lang/String;IJ)V",
            "(II)I",
            "(Ljava/util/List;)Ljava/util/Map;",
            "(Ljava/lang/Object;)Z",
            "(Ljava/math/BigDecimal;Ljava/util/Currency;)Ljava/math/BigDecimal;",
            "(Ljava/time/Instant;Ljava/time/Duration;)Ljava/util/Optional;");

    private final Vocabulary words;

    JacocoReportWriter(Vocabulary words) {
        this.words = words;
    }

    /**
     * What the report holds.
     *
     * @param bytes file size
     * @param packages package count
     * @param classes class count
     * @param methods method count
     * @param coverage the report-level counters
     */
    record Written(long bytes, long packages, long classes, long methods, CoverageCounts coverage) {}

    /** Writes a report of at least {@code targetBytes} to {@code file}. */
    Written write(Path file, long targetBytes) throws IOException {
        try (CountingStream counting = new CountingStream(Files.newOutputStream(file));
                Writer out = new BufferedWriter(new OutputStreamWriter(counting, StandardCharsets.UTF_8), 1 << 16)) {
            out.write(HEADER);
            out.write("<report name=\"shop-aggregate\">");
            int sessions = words.between(2, 24);
            long start = 1_795_797_964_245L;
            for (int i = 0; i < sessions; i++) {
                long dump = start + words.between(500, 90_000);
                out.write("<sessioninfo id=\"localhost-" + Long.toHexString(words.nextLong() >>> 32) + "\" start=\""
                        + start + "\" dump=\"" + dump + "\"/>");
                start = dump + words.between(100, 5_000);
            }
            CoverageCounts report = CoverageCounts.NONE;
            long packages = 0;
            long classes = 0;
            long methods = 0;
            Set<String> packageNames = new HashSet<>();
            // Flushed after every package, so the count is exact when the loop checks it.
            while (counting.count < targetBytes) {
                String packageName = uniquePackage(packageNames);
                PackageData data = packageData(packageName);
                data.write(out);
                report = report.plus(data.counts);
                packages++;
                classes += data.classes.size();
                methods += data.methodCount();
                out.flush();
            }
            writeCounters(out, report);
            out.write("</report>");
            out.flush();
            return new Written(counting.count, packages, classes, methods, report);
        }
    }

    private String uniquePackage(Set<String> taken) {
        String base = "com/example/" + words.pick(Vocabulary.MODULES) + "/" + words.pick(Vocabulary.FEATURES);
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + n;
        }
        return name;
    }

    private PackageData packageData(String packageName) {
        PackageData data = new PackageData(packageName);
        int sourceFiles = words.chance(0.85) ? words.between(1, 25) : words.between(26, 120);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sourceFiles; i++) {
            String simple = words.pick(Vocabulary.NOUNS) + words.pick(Vocabulary.ROLES);
            for (int n = 2; !names.add(simple); n++) {
                simple = words.pick(Vocabulary.NOUNS) + words.pick(Vocabulary.ROLES) + n;
            }
            SourceData source = new SourceData(simple + ".java");
            // How well this file is tested: some files not at all, most fairly well.
            double coverage = words.chance(0.1) ? 0.0 : 0.4 + 0.6 * words.nextDouble();
            int nextLine = words.between(3, 30);
            nextLine = addClass(data, source, packageName + "/" + simple, coverage, nextLine);
            if (words.chance(0.2)) {
                nextLine = addClass(
                        data,
                        source,
                        packageName + "/" + simple + "$" + words.pick(Vocabulary.NOUNS),
                        coverage,
                        nextLine);
            }
            if (words.chance(0.1)) {
                addClass(data, source, packageName + "/" + simple + "$1", coverage, nextLine);
            }
            data.sources.add(source);
        }
        for (SourceData source : data.sources) {
            data.counts = data.counts.plus(source.counts);
        }
        return data;
    }

    private int addClass(PackageData data, SourceData source, String className, double coverage, int firstLine) {
        ClassData type = new ClassData(className, source.name);
        int methodCount = words.chance(0.9) ? words.between(1, 14) : words.between(15, 60);
        int line = firstLine;
        Set<String> signatures = new HashSet<>();
        for (int m = 0; m < methodCount; m++) {
            String name = m == 0 ? "<init>" : m == 1 && words.chance(0.1) ? "<clinit>" : methodName();
            String descriptor = words.pick(DESCRIPTORS);
            // A class file never has two methods with the same name and descriptor.
            while (!signatures.add(name + descriptor)) {
                name = methodName();
                descriptor = words.pick(DESCRIPTORS);
            }
            MethodData method = new MethodData(name, descriptor, line);
            int lines = words.chance(0.85) ? words.between(1, 12) : words.between(13, 80);
            boolean executed = words.nextDouble() < coverage;
            for (int l = 0; l < lines; l++) {
                LineData lineData = lineData(line + l, executed, coverage);
                method.lines.add(lineData);
                source.lines.add(lineData);
            }
            line += lines + words.between(1, 4);
            method.counts = methodCounts(method.lines);
            type.methods.add(method);
            type.counts = type.counts.plus(method.counts);
        }
        boolean classCovered = type.counts.get(CoverageMetric.METHOD).covered() > 0;
        type.counts = type.counts.plus(single(CoverageMetric.CLASS, classCovered ? 1 : 0, classCovered ? 0 : 1));
        source.counts = source.counts.plus(type.counts);
        data.classes.add(type);
        return line + 2;
    }

    private String methodName() {
        return words.chance(0.08)
                ? "lambda$" + words.productionMethodName() + "$" + words.between(0, 9)
                : words.productionMethodName();
    }

    private LineData lineData(int number, boolean methodExecuted, double coverage) {
        int instructions = words.between(1, 14);
        int branches = words.chance(0.18) ? (words.chance(0.8) ? 2 : 2 * words.between(2, 4)) : 0;
        if (!methodExecuted) {
            return new LineData(number, instructions, 0, branches, 0);
        }
        double roll = words.nextDouble();
        if (roll < coverage) {
            int missedBranches = branches > 0 && words.chance(0.3) ? words.between(1, branches - 1) : 0;
            return new LineData(number, 0, instructions, missedBranches, branches - missedBranches);
        }
        if (roll < coverage + (1 - coverage) / 2 && instructions > 1) {
            int missed = words.between(1, instructions - 1);
            int missedBranches = branches > 0 ? words.between(1, branches) : 0;
            return new LineData(number, missed, instructions - missed, missedBranches, branches - missedBranches);
        }
        return new LineData(number, instructions, 0, branches, 0);
    }

    /** Method counters from its lines, with JaCoCo's rules for lines, complexity and methods. */
    private static CoverageCounts methodCounts(List<LineData> lines) {
        long mi = 0;
        long ci = 0;
        long mb = 0;
        long cb = 0;
        long missedLines = 0;
        long coveredLines = 0;
        for (LineData line : lines) {
            mi += line.mi;
            ci += line.ci;
            mb += line.mb;
            cb += line.cb;
            if (line.ci > 0) {
                coveredLines++;
            } else {
                missedLines++;
            }
        }
        long complexity = (mb + cb) / 2 + 1;
        long missedComplexity = ci == 0 ? complexity : Math.min(complexity - 1, mb / 2);
        Map<CoverageMetric, CoverageCounts.Counter> counts = new EnumMap<>(CoverageMetric.class);
        counts.put(CoverageMetric.INSTRUCTION, new CoverageCounts.Counter(ci, mi));
        if (mb + cb > 0) {
            counts.put(CoverageMetric.BRANCH, new CoverageCounts.Counter(cb, mb));
        }
        counts.put(CoverageMetric.LINE, new CoverageCounts.Counter(coveredLines, missedLines));
        counts.put(
                CoverageMetric.COMPLEXITY, new CoverageCounts.Counter(complexity - missedComplexity, missedComplexity));
        counts.put(CoverageMetric.METHOD, new CoverageCounts.Counter(ci > 0 ? 1 : 0, ci > 0 ? 0 : 1));
        return new CoverageCounts(counts);
    }

    private static CoverageCounts single(CoverageMetric metric, long covered, long missed) {
        return new CoverageCounts(Map.of(metric, new CoverageCounts.Counter(covered, missed)));
    }

    /** JaCoCo's order: instruction, branch, line, complexity, method, class; empty ones left out. */
    private static void writeCounters(Writer out, CoverageCounts counts) throws IOException {
        for (CoverageMetric metric : CoverageMetric.values()) {
            CoverageCounts.Counter counter = counts.get(metric);
            if (counter.total() > 0) {
                out.write("<counter type=\"");
                out.write(metric.name());
                out.write("\" missed=\"");
                out.write(Long.toString(counter.missed()));
                out.write("\" covered=\"");
                out.write(Long.toString(counter.covered()));
                out.write("\"/>");
            }
        }
    }

    private static final class PackageData {
        private final String name;
        private final List<ClassData> classes = new ArrayList<>();
        private final List<SourceData> sources = new ArrayList<>();
        private CoverageCounts counts = CoverageCounts.NONE;

        PackageData(String name) {
            this.name = name;
        }

        long methodCount() {
            long count = 0;
            for (ClassData type : classes) {
                count += type.methods.size();
            }
            return count;
        }

        void write(Writer out) throws IOException {
            out.write("<package name=\"" + name + "\">");
            for (ClassData type : classes) {
                type.write(out);
            }
            for (SourceData source : sources) {
                source.write(out);
            }
            writeCounters(out, counts);
            out.write("</package>");
        }
    }

    private static final class ClassData {
        private final String name;
        private final String sourceFile;
        private final List<MethodData> methods = new ArrayList<>();
        private CoverageCounts counts = CoverageCounts.NONE;

        ClassData(String name, String sourceFile) {
            this.name = name;
            this.sourceFile = sourceFile;
        }

        void write(Writer out) throws IOException {
            out.write("<class name=\"" + name + "\" sourcefilename=\"" + sourceFile + "\">");
            for (MethodData method : methods) {
                out.write("<method name=\"" + xmlName(method.name) + "\" desc=\"" + method.descriptor + "\" line=\""
                        + method.firstLine + "\">");
                writeCounters(out, method.counts);
                out.write("</method>");
            }
            writeCounters(out, counts);
            out.write("</class>");
        }

        private static String xmlName(String name) {
            return name.replace("<", "&lt;").replace(">", "&gt;");
        }
    }

    private static final class MethodData {
        private final String name;
        private final String descriptor;
        private final int firstLine;
        private final List<LineData> lines = new ArrayList<>();
        private CoverageCounts counts = CoverageCounts.NONE;

        MethodData(String name, String descriptor, int firstLine) {
            this.name = name;
            this.descriptor = descriptor;
            this.firstLine = firstLine;
        }
    }

    private static final class SourceData {
        private final String name;
        private final List<LineData> lines = new ArrayList<>();
        private CoverageCounts counts = CoverageCounts.NONE;

        SourceData(String name) {
            this.name = name;
        }

        void write(Writer out) throws IOException {
            out.write("<sourcefile name=\"" + name + "\">");
            lines.sort((a, b) -> Integer.compare(a.number, b.number));
            for (LineData line : lines) {
                out.write("<line nr=\"" + line.number + "\" mi=\"" + line.mi + "\" ci=\"" + line.ci + "\" mb=\""
                        + line.mb + "\" cb=\"" + line.cb + "\"/>");
            }
            writeCounters(out, counts);
            out.write("</sourcefile>");
        }
    }

    private record LineData(int number, int mi, int ci, int mb, int cb) {}

    /** Counts the bytes that reach the file, so the report stops near its target size. */
    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
