package io.github.dockerlessons.engine;

import java.util.Comparator;

/**
 * The order the docker CLI lists contexts and volumes in (Go's sortorder.NaturalLess): runs of digits compare as
 * numbers, so "ctx2" comes before "ctx10"; everything else compares byte by byte.
 */
public final class NaturalOrder implements Comparator<String> {
    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb) && ca < 128 && cb < 128) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                String na = stripZeros(a.substring(i, endA));
                String nb = stripZeros(b.substring(j, endB));
                if (na.length() != nb.length()) {
                    return Integer.compare(na.length(), nb.length());
                }
                int byValue = na.compareTo(nb);
                if (byValue != 0) {
                    return byValue;
                }
                // Equal values: fewer leading zeros first, as sortorder does.
                if (endA - i != endB - j) {
                    return Integer.compare(endA - i, endB - j);
                }
                i = endA;
                j = endB;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
            end++;
        }
        return end;
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }
}
