package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CheckoutCriticalTest {

    private Cart cart;
    private Checkout checkout;

    @BeforeEach
    void setUp() {
        cart = new Cart();
        checkout = new Checkout();
        cart.add("BOOK-1", 2, 1_250);
        cart.add("PEN-7", 1, 300);
    }

    @Test
    void subtotalSumsLines() {
        assertEquals(2_800, cart.subtotalCents());
    }

    @Test
    void shippingChargedBelowThreshold() {
        assertEquals(Checkout.SHIPPING_CENTS, checkout.shippingCents(cart));
    }

    @Test
    void freeShippingAboveThreshold() {
        cart.add("LAMP-3", 1, 4_000);
        assertEquals(0, checkout.shippingCents(cart));
    }

    @Test
    @DisplayName("TENOFF takes ten euros off")
    void tenOffCoupon() {
        cart.applyCoupon("TENOFF");
        assertEquals(2_800 - 1_000 + 499, checkout.totalCents(cart));
    }

    @Test
    void halfCoupon() {
        cart.applyCoupon("HALF");
        assertEquals(1_400, checkout.discountCents(cart));
    }

    @Test
    void emptyCartCannotCheckOut() {
        assertThrows(IllegalStateException.class, () -> checkout.totalCents(new Cart()));
    }

    @Test
    void vipCouponGivesQuarterOff() {
        // Deliberate assertion failure: VIP is 20 %, not 25 %.
        cart.applyCoupon("VIP");
        assertEquals(700, checkout.discountCents(cart), "VIP discount");
    }

    @Test
    void unknownCouponIsRejectedGracefully() {
        // Deliberate error: the code under test throws instead of ignoring the coupon.
        cart.applyCoupon("BOGUS");
        checkout.totalCents(cart);
    }

    @Test
    @Disabled("payment sandbox not available in CI")
    void refundFlow() {
        assertEquals(0, checkout.totalCents(cart));
    }
}
