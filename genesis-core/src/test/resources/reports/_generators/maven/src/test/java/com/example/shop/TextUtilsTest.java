package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Text utilities")
class TextUtilsTest {

    @Test
    void slugLowercasesAndDashes() {
        assertEquals("hello-world", TextUtils.slug("  Hello, World! "));
    }

    @Test
    void slugOfNullIsEmpty() {
        assertEquals("", TextUtils.slug(null));
    }

    @Test
    void palindromeDetected() {
        assertTrue(TextUtils.isPalindrome("A man, a plan, a canal: Panama"));
    }

    @Test
    void nonPalindromeRejected() {
        assertFalse(TextUtils.isPalindrome("checkout"));
    }

    @Test
    void reverse() {
        assertEquals("olleh", TextUtils.reverse("hello"));
    }

    @Test
    @DisplayName("truncate adds an ellipsis <...> & keeps \"max\" length")
    void truncateAddsEllipsis() {
        assertEquals("abcd...", TextUtils.truncate("abcdefghij", 7));
    }
}
