package io.genesis.core.approval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An approver for engine tests: keeps the requests it was given, once per id, and its withdrawals. */
public final class RecordingApprover implements Approver {

    private final Map<String, ApprovalRequest> requests = new LinkedHashMap<>();
    private final List<String> withdrawn = new ArrayList<>();
    private int calls;

    @Override
    public synchronized void request(ApprovalRequest request) {
        calls++;
        requests.putIfAbsent(request.requestId(), request);
    }

    @Override
    public synchronized void withdraw(ApprovalRequest request, String reason) {
        withdrawn.add(request.requestId() + ": " + reason);
    }

    public synchronized List<ApprovalRequest> requests() {
        return List.copyOf(requests.values());
    }

    /** The latest request, if any. */
    public synchronized Optional<ApprovalRequest> latest() {
        List<ApprovalRequest> all = new ArrayList<>(requests.values());
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public synchronized List<String> withdrawn() {
        return List.copyOf(withdrawn);
    }

    /** How many times {@link #request} was called, repeats included. */
    public synchronized int calls() {
        return calls;
    }
}
