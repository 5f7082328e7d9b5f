package io.github.dockerlessons.golang;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GoTextTest {
    @Test
    void humanDuration() {
        assertEquals("Less than a second", GoText.humanDuration(Duration.ofMillis(999)));
        assertEquals("1 second", GoText.humanDuration(Duration.ofSeconds(1)));
        assertEquals("59 seconds", GoText.humanDuration(Duration.ofSeconds(59)));
        assertEquals("About a minute", GoText.humanDuration(Duration.ofSeconds(119)));
        assertEquals("59 minutes", GoText.humanDuration(Duration.ofMinutes(59)));
        assertEquals("About an hour", GoText.humanDuration(Duration.ofMinutes(89)));
        assertEquals("2 hours", GoText.humanDuration(Duration.ofMinutes(90)));
        assertEquals("47 hours", GoText.humanDuration(Duration.ofHours(47)));
        // Past what toNanos() holds (a task without a time is 2,000 years old): no overflow
        assertEquals("2025 years", GoText.humanDuration(Duration.ofDays(2025L * 365 + 10)));
        assertEquals("2 days", GoText.humanDuration(Duration.ofHours(48)));
        assertEquals("2 weeks", GoText.humanDuration(Duration.ofDays(14)));
        assertEquals("2 months", GoText.humanDuration(Duration.ofDays(60)));
        assertEquals("2 years", GoText.humanDuration(Duration.ofDays(730)));
    }

    @Test
    void humanSizeHasThreeSignificantDigits() {
        assertEquals("9.6kB", GoText.humanSize(9600));
        assertEquals("1.98MB", GoText.humanSize(1_981_234));
        assertEquals("19.9MB", GoText.humanSize(19_912_000));
        assertEquals("1.2GB", GoText.humanSize(1_200_000_000));
        assertEquals("0B", GoText.humanSize(0));
        assertEquals("999B", GoText.humanSize(999));
        assertEquals("1e+03kB", GoText.humanSize(999_999));
        assertEquals("100MB", GoText.humanSize(100_000_000));
    }

    @Test
    void ellipsisKeepsDisplayWidthAtMostTwenty() {
        assertEquals("redis-server --prot…", GoText.ellipsis("redis-server --protected-mode no", 20));
        assertEquals("short", GoText.ellipsis("short", 20));
        assertEquals("sh -c 'echo 안녕하…", GoText.ellipsis("sh -c 'echo 안녕하세요 여러분'", 20));
    }

    @Test
    void quoteIsStrconvQuote() {
        assertEquals("\"sh -c 'echo \\\"hi\\\"'\"", GoText.quote("sh -c 'echo \"hi\"'"));
        assertEquals("\"a\\tb\\n안녕\"", GoText.quote("a\tb\n안녕"));
        assertEquals("\"\\x1b\"", GoText.quote("\u001b"));
    }
}
