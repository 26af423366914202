package io.genesis.architecture;

import java.util.List;

/** Counts the lines of a Java source that hold code: not blank, not only comment, not package or import. */
final class CodeLines {

    private CodeLines() {}

    static int count(List<String> lines) {
        int count = 0;
        boolean inComment = false;
        for (String line : lines) {
            String rest = line.strip();
            if (inComment) {
                int end = rest.indexOf("*/");
                if (end < 0) {
                    continue;
                }
                inComment = false;
                rest = rest.substring(end + 2).strip();
            }
            while (rest.startsWith("/*")) {
                int end = rest.indexOf("*/", 2);
                if (end < 0) {
                    inComment = true;
                    rest = "";
                    break;
                }
                rest = rest.substring(end + 2).strip();
            }
            if (rest.isEmpty() || rest.startsWith("//") || rest.startsWith("import ") || rest.startsWith("package ")) {
                continue;
            }
            count++;
        }
        return count;
    }
}
