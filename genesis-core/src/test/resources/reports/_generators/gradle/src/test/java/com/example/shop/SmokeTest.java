package com.example.shop;

import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class SmokeTest {

    @Test
    public void pricingLoads() {
        assertTrue(Pricing.shipping(0) > 0);
    }

    @Test
    public void inventoryLookupErrors() {
        // Deliberate error: an exception that is not an assertion failure.
        Object inventory = null;
        inventory.toString();
    }
}
