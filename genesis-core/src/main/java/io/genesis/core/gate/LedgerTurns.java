package io.genesis.core.gate;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Hands one report set's {@link TestLedger} to its files one at a time, in the files' order,
 * whichever threads read them. A file read before its turn is parked with its pending listings
 * and counted by whoever completes the turn before it; when too many listings are parked, the
 * reader waits for its turn instead, so memory stays bounded however the files are spread.
 */
final class LedgerTurns {

    /** Listings parked at most, over all files: a few megabytes. */
    static final int MAX_PARKED = 16 * TestListing.MAX_PENDING;

    private final Map<Integer, TestListing> parked = new HashMap<>();
    private int next;
    private int parkedListings;

    /** Waits until every file before {@code index} has been counted. */
    synchronized void awaitTurn(int index) {
        while (next < index) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("reading the test reports was cancelled");
            }
        }
    }

    /**
     * A file has been read: counts it when its turn has come, then each parked file after it;
     * otherwise parks it, or waits for its turn when too much is parked.
     */
    synchronized void done(TestListing listing) {
        if (listing.index() != next) {
            if (parkedListings + listing.pendingCount() <= MAX_PARKED) {
                parked.put(listing.index(), listing);
                parkedListings += listing.pendingCount();
                return;
            }
            awaitTurn(listing.index());
        }
        try {
            TestListing current = listing;
            while (current != null) {
                try {
                    current.countPending();
                } finally {
                    next++;
                }
                current = parked.remove(next);
                if (current != null) {
                    parkedListings -= current.pendingCount();
                }
            }
        } finally {
            notifyAll();
        }
    }
}
