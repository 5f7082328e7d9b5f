package io.github.dockerlessons.i18n;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.IllegalFormatConversionException;
import java.util.List;
import java.util.Locale;
import java.util.MissingFormatArgumentException;
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

    @Test
    void aMessageWithoutArgumentsShowsOnePercentForTwo() {
        Messages messages = new Messages(Messages.KOREAN);
        assertEquals("사용법: %lang ko 또는 %lang en", messages.get("magic.lang.usage"));
    }
}
