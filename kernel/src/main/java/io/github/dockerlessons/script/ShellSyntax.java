package io.github.dockerlessons.script;

/** The character classes of sh's grammar that the readers share. */
final class ShellSyntax {
    private ShellSyntax() {
    }

    /** A character that ends an unquoted word: a blank or an operator. */
    static boolean isWordEnd(char c) {
        return " \t\r\n;&|<>()".indexOf(c) >= 0;
    }

    static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    /** A variable's name as sh accepts it. */
    static boolean isName(String s) {
        if (s.isEmpty() || !isNameStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!isNamePart(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
