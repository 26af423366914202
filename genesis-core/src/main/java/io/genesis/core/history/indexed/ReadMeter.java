package io.genesis.core.history.indexed;

/** Hears how many bytes the store reads from its files: how a test proves a page read seeks. */
interface ReadMeter {

    ReadMeter NONE = bytes -> {};

    void read(long bytes);
}
