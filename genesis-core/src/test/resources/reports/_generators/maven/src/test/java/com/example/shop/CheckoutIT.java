package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CheckoutIT {

    @Test
    void fullCheckoutWithVipCoupon() {
        Cart cart = new Cart();
        cart.add("BOOK-1", 4, 1_250);
        cart.applyCoupon("VIP");
        Checkout checkout = new Checkout();
        assertEquals(5_000 - 1_000 + 0, checkout.totalCents(cart));
    }
}
