package com.acme.numbers.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The loops must decide exactly as Spring Security's default firewall patterns do. */
class FirewallCharactersTests {

    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void agreesWithTheFirewallPatternsOnRandomText() {
        SplittableRandom random = new SplittableRandom(7);
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(random);
            assertThat(FirewallCharacters.isName(text)).as("name %s", escaped(text))
                    .isEqualTo(NAME.matcher(text).matches());
            assertThat(FirewallCharacters.isHeaderValue(text)).as("value %s", escaped(text))
                    .isEqualTo(HEADER_VALUE.matcher(text).matches());
            refused += FirewallCharacters.isHeaderValue(text) ? 0 : 1;
        }
        assertThat(refused).as("the sample must contain refused text").isBetween(1_000, 19_000);
    }

    @Test
    void refusesControlsAndUnassignedButAllowsTabsInValues() {
        assertThat(FirewallCharacters.isName("X-API-Key")).isTrue();
        assertThat(FirewallCharacters.isHeaderValue("a\tb")).isTrue();
        assertThat(FirewallCharacters.isName("a\tb")).isFalse();
        assertThat(FirewallCharacters.isHeaderValue("a\u0000b")).isFalse();
        assertThat(FirewallCharacters.isHeaderValue("a\u0085b")).isFalse();
        assertThat(FirewallCharacters.isHeaderValue("\u0378")).isFalse();
        assertThat(FirewallCharacters.isHeaderValue("caf\u00e9 \ud83d\ude00")).isTrue();
        assertThat(FirewallCharacters.isName(null)).isTrue();
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            if (kind < 6) {
                text.append((char) (0x20 + random.nextInt(0x5f)));
            }
            else if (kind < 7) {
                text.append((char) random.nextInt(0x20));
            }
            else if (kind < 8) {
                text.append((char) (0x7f + random.nextInt(0x30)));
            }
            else if (kind < 9) {
                text.append((char) random.nextInt(0x10000));
            }
            else {
                text.appendCodePoint(0x10000 + random.nextInt(0x100000));
            }
        }
        return text.toString();
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> out.append(String.format("\\u{%x}", cp)));
        return out.toString();
    }
}
