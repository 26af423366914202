package io.genesis.core.hook;

import io.genesis.core.secret.Redaction;

/**
 * The last part of what a hook wrote, kept bounded while it is written so that a chatty hook costs
 * a fixed amount of memory; what is shown has secrets masked. Thread-safe: one thread appends while
 * the engine reads.
 */
final class OutputTail {

    /** How many characters of output a record keeps. */
    static final int LIMIT = 2_000;

    private final StringBuilder tail = new StringBuilder();
    private boolean cut;

    synchronized void append(CharSequence text) {
        tail.append(text);
        // Keep twice the limit between trims so that a long stream is not trimmed at every chunk.
        if (tail.length() > 2 * LIMIT) {
            tail.delete(0, tail.length() - LIMIT);
            cut = true;
        }
    }

    /** The last {@link #LIMIT} characters, secrets masked, starting at a line when it was cut. */
    synchronized String shown() {
        return of(tail.toString(), cut);
    }

    /** {@code text} bounded and masked as a tail is. */
    static String of(String text, boolean alreadyCut) {
        String kept = text;
        boolean shortened = alreadyCut;
        if (kept.length() > LIMIT) {
            kept = kept.substring(kept.length() - LIMIT);
            shortened = true;
        }
        if (shortened) {
            int line = kept.indexOf('\n');
            kept = "…" + (line >= 0 && line < kept.length() - 1 ? kept.substring(line + 1) : kept);
        }
        return Redaction.text(kept.strip());
    }
}
