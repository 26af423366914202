package com.example.shop;

import java.util.Locale;

public final class TextUtils {

    private TextUtils() {
    }

    public static String slug(String input) {
        if (input == null) {
            return "";
        }
        return input.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    public static boolean isPalindrome(String s) {
        String cleaned = s.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
        int i = 0;
        int j = cleaned.length() - 1;
        while (i < j) {
            if (cleaned.charAt(i) != cleaned.charAt(j)) {
                return false;
            }
            i++;
            j--;
        }
        return true;
    }

    public static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    public static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        if (max < 4) {
            return s.substring(0, max);
        }
        return s.substring(0, max - 3) + "...";
    }
}
