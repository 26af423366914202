package com.example.shop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

public final class Cart {

    public record Line(String sku, int quantity, long unitPriceCents) {
        public Line {
            if (sku == null || sku.isBlank()) {
                throw new IllegalArgumentException("sku required");
            }
            if (quantity <= 0) {
                throw new IllegalArgumentException("quantity must be positive");
            }
        }

        public long totalCents() {
            return quantity * unitPriceCents;
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private String couponCode;

    public void add(String sku, int quantity, long unitPriceCents) {
        lines.add(new Line(sku, quantity, unitPriceCents));
    }

    public List<Line> lines() {
        return Collections.unmodifiableList(lines);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public void applyCoupon(String code) {
        this.couponCode = code;
    }

    public String coupon() {
        return couponCode;
    }

    public long subtotalCents() {
        long sum = 0;
        for (Line line : lines) {
            sum += line.totalCents();
        }
        return sum;
    }
}
