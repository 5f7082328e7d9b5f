package io.github.dockerlessons.i18n;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IllegalFormatConversionException;
import java.util.List;
import java.util.Locale;
import java.util.MissingFormatArgumentException;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessagesTest {
    @Test
    void everyMessageIsAValidFormatInBothLanguages() {
        for (Locale locale : List.of(Messages.KOREAN, Messages.ENGLISH)) {
            ResourceBundle bundle = ResourceBundle.getBundle("io.github.dockerlessons.i18n.messages", locale);
            List<String> broken = new ArrayList<>();
            for (String key : bundle.keySet()) {
                try {
                    String.format(locale, bundle.getString(key), "a", "b", "c", "d", "e", "f");
                } catch (IllegalFormatConversionException | MissingFormatArgumentException e) {
                    // a number placeholder given a word, or more placeholders than dummies: still a valid pattern
                } catch (RuntimeException e) {
                    broken.add(key + ": " + e.getMessage());
                }
            }
            assertTrue(broken.isEmpty(), locale + ": " + broken);
        }
    }

    /** A key in one language only shows the reader of the other its raw key (or the other language's words). */
    @Test
    void bothLanguagesHaveTheSameKeys() throws Exception {
        Set<String> korean = keys("messages_ko.properties");
        Set<String> english = keys("messages_en.properties");
        Set<String> onlyKorean = new TreeSet<>(korean);
        onlyKorean.removeAll(english);
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(korean);
        assertTrue(onlyKorean.isEmpty() && onlyEnglish.isEmpty(),
                "only in Korean: " + onlyKorean + "; only in English: " + onlyEnglish);
    }

    /** The file's own keys, without ResourceBundle's fallback to another locale or a parent. */
    private static Set<String> keys(String file) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(file)) {
            assertTrue(in != null, file);
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }

    @Test
    void aMessageWithoutArgumentsShowsOnePercentForTwo() {
        Messages messages = new Messages(Messages.KOREAN);
        assertEquals("사용법: %lang ko 또는 %lang en", messages.get("magic.lang.usage"));
    }
}
