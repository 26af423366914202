package io.genesis.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command line, with what it printed. */
record Run(int exitCode, String out, String err) {

    static Run of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GenesisCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A run on {@code host}: its target kinds, its terminal (or none), its poll interval. */
    static Run on(Host host, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GenesisCommand.run(host, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
