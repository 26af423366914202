package io.genesis.core.secret;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text a person wrote (genesis.yaml, policy files, manifests) as the UTF-8 it must be: a byte that is not
 * UTF-8 is named at its line and column, never replaced by a character nobody wrote, and a NUL byte
 * (never part of a text file) is named the same way.
 */
public final class TextFiles {

    private TextFiles() {}

    /**
     * {@code bytes} decoded as UTF-8.
     *
     * @param name how to name the file in the error
     * @throws BadText naming the file, the line and column of the first bad byte, and the fix
     */
    public static String utf8(byte[] bytes, String name) throws BadText {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new BadText(name + ", " + position(bytes, in.position())
                    + ": not valid UTF-8 (a byte sequence no UTF-8 text holds); fix: save the file as UTF-8");
        }
        decoder.flush(out);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new BadText(name + ", " + position(bytes, i)
                        + ": a NUL byte, which no text file holds; fix: save the file as plain UTF-8 text");
            }
        }
        return out.flip().toString();
    }

    /** Text that is not plain UTF-8: the message names the file, the place and the fix. */
    public static final class BadText extends IOException {
        private static final long serialVersionUID = 1L;

        BadText(String message) {
            super(message);
        }
    }

    /** {@code line L, column C} of the byte at {@code offset}, both counted from 1. */
    static String position(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (offset - lineStart + 1);
    }
}
