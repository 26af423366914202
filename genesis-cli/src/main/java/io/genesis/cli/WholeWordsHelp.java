package io.genesis.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Picocli's help, wrapped at spaces only. Picocli wraps with the JDK's line breaker, which also breaks
 * after a dot, a comma or before a bracket, so {@code ~/.config/genesis/policy.yaml} and
 * {@code GLOB[,GLOB...]} came out cut in two across lines. Each such character between two non-blank
 * ones is swapped for a letter the breaker never breaks at, and swapped back once the text is laid out.
 */
final class WholeWordsHelp extends Help {

    /** The characters protected inside a word, and the letters that stand in for them while wrapping. */
    private static final String PROTECTED = ".,[]=/:";

    private static final String STAND_INS = "\u00c0\u00c1\u00c2\u00c3\u00c4\u00c5\u00c6";

    WholeWordsHelp(CommandSpec spec, ColorScheme scheme) {
        super(spec, scheme);
    }

    @Override
    public Layout createDefaultLayout() {
        return whole(super.createDefaultLayout());
    }

    @Override
    public Layout createDefaultLayout(
            List<OptionSpec> options, List<PositionalParamSpec> positionals, ColorScheme scheme) {
        return whole(super.createDefaultLayout(options, positionals, scheme));
    }

    @Override
    public TextTable createTextTable(Map<?, ?> map) {
        TextTable plain = super.createTextTable(map);
        if (map == null || map.isEmpty()) {
            return plain;
        }
        Table table = new Table(colorScheme(), plain.columns());
        table.indentWrappedLines = plain.indentWrappedLines;
        map.forEach((key, value) -> table.addRowValues(String.valueOf(key), String.valueOf(value)));
        return table;
    }

    @Override
    protected String makeSynopsisFromParts(
            int headingLength,
            Ansi.Text options,
            Ansi.Text groups,
            Ansi.Text endOfOptions,
            Ansi.Text positionals,
            Ansi.Text command) {
        return restore(super.makeSynopsisFromParts(
                headingLength,
                protect(options),
                protect(groups),
                protect(endOfOptions),
                protect(positionals),
                protect(command)));
    }

    private Layout whole(Layout layout) {
        TextTable plain = layout.textTable();
        Table table = new Table(colorScheme(), plain.columns());
        table.indentWrappedLines = plain.indentWrappedLines;
        return new Layout(colorScheme(), table, layout.optionRenderer(), layout.parameterRenderer());
    }

    private Ansi.Text protect(Ansi.Text text) {
        if (text == null) {
            return null;
        }
        String plain = text.plainString();
        String whole = protect(plain);
        return whole.equals(plain) ? text : colorScheme().ansi().new Text(whole, colorScheme());
    }

    /** {@code text} with every protected character that sits between two non-blank ones swapped. */
    static String protect(String text) {
        StringBuilder result = new StringBuilder(text);
        for (int i = 1; i + 1 < text.length(); i++) {
            int which = PROTECTED.indexOf(text.charAt(i));
            if (which >= 0
                    && !Character.isWhitespace(text.charAt(i - 1))
                    && !Character.isWhitespace(text.charAt(i + 1))) {
                result.setCharAt(i, STAND_INS.charAt(which));
            }
        }
        return result.toString();
    }

    /** {@code text} with the stand-ins swapped back. */
    static String restore(String text) {
        StringBuilder result = new StringBuilder(text);
        for (int i = 0; i < result.length(); i++) {
            int which = STAND_INS.indexOf(result.charAt(i));
            if (which >= 0) {
                result.setCharAt(i, PROTECTED.charAt(which));
            }
        }
        return result.toString();
    }

    /** A table that wraps protected text and gives it back restored. */
    private static final class Table extends TextTable {
        private final ColorScheme scheme;

        Table(ColorScheme scheme, Column[] columns) {
            super(scheme, columns);
            this.scheme = scheme;
        }

        @Override
        public Cell putValue(int row, int col, Ansi.Text value) {
            if (value == null) {
                return super.putValue(row, col, null);
            }
            String plain = value.plainString();
            String whole = protect(plain);
            return super.putValue(row, col, whole.equals(plain) ? value : scheme.ansi().new Text(whole, scheme));
        }

        @Override
        public StringBuilder toString(StringBuilder text) {
            StringBuilder laidOut = super.toString(new StringBuilder());
            return text.append(restore(laidOut.toString()));
        }
    }
}
