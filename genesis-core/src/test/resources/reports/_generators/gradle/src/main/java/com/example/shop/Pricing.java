package com.example.shop;

public final class Pricing {
    private Pricing() {
    }

    public static long addVat(long net) {
        if (net < 0) {
            throw new IllegalArgumentException("negative");
        }
        return Math.round(net * 1.2);
    }

    public static long shipping(long total) {
        return total >= 5000 ? 0 : 499;
    }
}
