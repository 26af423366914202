package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class SmokeTest {

    @Test
    void calculatorStarts() {
        assertNotNull(new Calculator());
    }

    @Test
    void cartStartsEmpty() {
        assertTrue(new Cart().isEmpty());
    }

    @Test
    void receiptRenders() {
        Cart cart = new Cart();
        cart.add("MUG-2", 3, 900);
        String receipt = new Checkout().receipt(cart);
        assertTrue(receipt.endsWith("TOTAL 3199"), receipt);
    }

    /**
     * Deterministically flaky: fails on the first attempt (creating a marker file in
     * target/), passes on every later attempt. `mvn clean` resets it.
     */
    @Test
    void flakyInventoryLookup() throws IOException {
        Path marker = Paths.get("target", "flaky-inventory.marker");
        if (!Files.exists(marker)) {
            Files.createDirectories(marker.getParent());
            Files.createFile(marker);
            fail("inventory service timed out (first attempt)");
        }
        assertFalse(new Cart().lines().iterator().hasNext());
    }

    @Test
    @Disabled("staging environment is not reachable from CI")
    void smokeAgainstStaging() {
        fail("should not run");
    }
}
