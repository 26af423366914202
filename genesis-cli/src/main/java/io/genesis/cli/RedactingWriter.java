package io.genesis.cli;

import io.genesis.core.secret.Redaction;
import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * Everything the command line prints passes through here, line by line, so that a credential in an
 * address (user:password@, a token parameter) is masked by the one redaction of genesis-core however
 * it reached the text: a progress line, an error message, a record printed as JSON.
 */
final class RedactingWriter extends Writer {

    private final Writer target;
    private final StringBuilder line = new StringBuilder();

    RedactingWriter(Writer target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public synchronized void write(char[] characters, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            char c = characters[i];
            line.append(c);
            if (c == '\n') {
                passOn();
            }
        }
    }

    /** A prompt or a partial line is passed on as it is flushed, redacted as far as it goes. */
    @Override
    public synchronized void flush() throws IOException {
        passOn();
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        target.close();
    }

    private void passOn() throws IOException {
        if (!line.isEmpty()) {
            target.write(Redaction.text(line.toString()));
            line.setLength(0);
        }
    }
}
