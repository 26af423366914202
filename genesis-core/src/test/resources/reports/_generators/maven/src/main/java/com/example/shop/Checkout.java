package com.example.shop;

public final class Checkout {

    public static final long FREE_SHIPPING_THRESHOLD_CENTS = 5_000;
    public static final long SHIPPING_CENTS = 499;

    public long discountCents(Cart cart) {
        String code = cart.coupon();
        if (code == null) {
            return 0;
        }
        switch (code) {
            case "TENOFF":
                return Math.min(1_000, cart.subtotalCents());
            case "HALF":
                return cart.subtotalCents() / 2;
            case "VIP":
                return cart.subtotalCents() / 5;
            default:
                throw new IllegalStateException("unknown coupon " + code);
        }
    }

    public long shippingCents(Cart cart) {
        if (cart.isEmpty()) {
            return 0;
        }
        return cart.subtotalCents() >= FREE_SHIPPING_THRESHOLD_CENTS ? 0 : SHIPPING_CENTS;
    }

    public long totalCents(Cart cart) {
        if (cart.isEmpty()) {
            throw new IllegalStateException("cannot check out an empty cart");
        }
        return cart.subtotalCents() - discountCents(cart) + shippingCents(cart);
    }

    public String receipt(Cart cart) {
        StringBuilder sb = new StringBuilder();
        for (Cart.Line line : cart.lines()) {
            sb.append(line.sku()).append(" x").append(line.quantity())
              .append(" = ").append(line.totalCents()).append('\n');
        }
        sb.append("TOTAL ").append(totalCents(cart));
        return sb.toString();
    }
}
