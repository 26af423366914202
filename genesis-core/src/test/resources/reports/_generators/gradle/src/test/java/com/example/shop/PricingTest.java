package com.example.shop;

import static org.junit.Assert.assertEquals;

import org.junit.Ignore;
import org.junit.Test;

public class PricingTest {

    @Test
    public void addVat() {
        assertEquals(1200, Pricing.addVat(1000));
    }

    @Test(expected = IllegalArgumentException.class)
    public void addVatRejectsNegative() {
        Pricing.addVat(-1);
    }

    @Test
    public void shippingBelowThreshold() {
        assertEquals(499, Pricing.shipping(100));
    }

    @Test
    public void shippingFreeAboveThreshold() {
        // Deliberate assertion failure.
        assertEquals(0, Pricing.shipping(4999));
    }

    @Test
    @Ignore("refunds not implemented")
    public void refund() {
        assertEquals(0, 1);
    }
}
