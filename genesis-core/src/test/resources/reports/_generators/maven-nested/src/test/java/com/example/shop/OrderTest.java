package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static int outerAttempts;

    @Test
    void emptyOrderCostsNothing() {
        assertEquals(0, 0);
    }

    @Test
    void flakyTotalsService() {
        outerAttempts++;
        assertEquals(2, outerAttempts, "totals service timed out on the first attempt");
    }

    @Test
    void roundingIsBankers() {
        assertEquals(2, 3, "2.5 must round to 2");
    }

    @Nested
    class Discounts {
        private static int flakyAttempts;

        @Test
        void tenPercentOffOverHundred() {
            assertEquals(90, 100 - 10);
        }

        @Test
        void flakyCouponLookup() {
            flakyAttempts++;
            assertEquals(2, flakyAttempts, "coupon service timed out on the first attempt");
        }

        @Test
        void stackedCouponsAreCapped() {
            assertEquals(50, 60, "stacked coupons must be capped at 50 %");
        }
    }

    @Nested
    class Shipping {
        private static int zoneAttempts;

        @RepeatedTest(2)
        void zoneLookupIsStable() {
            assertEquals(0, 0);
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3})
        void parcelsUpToThreeShipTogether(int parcels) {
            zoneAttempts++;
            if (parcels == 2) {
                assertEquals(2, zoneAttempts / 2, "zone service timed out on the first attempt");
            }
        }

        @Test
        void freeShippingOverFifty() {
            assertEquals(0, 0);
        }

        @Test
        void unknownCountryIsRejected() {
            throw new IllegalStateException("no shipping zone for country 'XX'");
        }

        @Nested
        class Express {
            private static int expressAttempts;

            @Test
            void nextDayBeforeNoon() {
                expressAttempts++;
                assertEquals(2, expressAttempts, "carrier API timed out on the first attempt");
            }

            @Test
            void weekendIsRejected() {
                assertEquals("rejected", "accepted", "express on a Sunday");
            }
        }
    }
}
