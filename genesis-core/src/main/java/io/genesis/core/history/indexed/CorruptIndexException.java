package io.genesis.core.history.indexed;

import java.io.IOException;

/** An index that disagrees with the data it indexes; the store rebuilds it from the data. */
final class CorruptIndexException extends IOException {

    private static final long serialVersionUID = 1L;

    CorruptIndexException(String message) {
        super(message);
    }
}
