package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalculatorTest {

    private final Calculator calc = new Calculator();

    @Test
    void add() {
        assertEquals(5, calc.add(2, 3));
    }

    @Test
    void subtract() {
        assertEquals(-1, calc.subtract(2, 3));
    }

    @Test
    void multiply() {
        assertEquals(6, calc.multiply(2, 3));
    }

    @Test
    void divide() {
        assertEquals(4, calc.divide(8, 2));
    }

    @Test
    void divideByZeroThrows() {
        assertThrows(ArithmeticException.class, () -> calc.divide(1, 0));
    }

    @Test
    void clampWithinRange() {
        assertEquals(5, calc.clamp(5, 0, 10));
    }

    @Test
    void clampBelowMin() {
        assertEquals(0, calc.clamp(-3, 0, 10));
    }

    @Test
    @DisplayName("multiply overflows like a long would (deliberately wrong expectation)")
    void multiplyLargeNumbers() {
        // Deliberate assertion failure: int multiplication overflows.
        assertEquals(10_000_000_000L, (long) calc.multiply(100_000, 100_000));
    }

    @ParameterizedTest(name = "{0} is even")
    @DisplayName("isEven accepts even numbers")
    @ValueSource(ints = {0, 2, 4, -6})
    void isEvenAcceptsEvenNumbers(int n) {
        assertTrue(calc.isEven(n));
    }
}
