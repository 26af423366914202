package io.genesis.core.gate;

import io.genesis.core.policy.Environments;
import java.nio.file.Path;

/**
 * Runs the gate in a JVM of its own, so {@link SmallHeapTest} can give it a small heap: the
 * workspace and the test report pattern are the arguments; the verdict's lines go to standard
 * output, and the heap used after a full collection last.
 */
final class SmallHeapGate {

    private SmallHeapGate() {}

    public static void main(String[] args) {
        GateRequest request = GateRequest.builder(Environments.defaults().named("staging"), Path.of(args[0]))
                .testReports(args[1])
                .build();
        GateVerdict verdict = Gate.evaluate(request);
        verdict.lines().forEach(System.out::println);
        System.out.println("tests: " + verdict.tests().total());
    }
}
