package dev.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AtxHeadingTests {

    /** The pattern the one-pass reading replaced: same headings, but cubic backtracking on long lines. */
    private static final Pattern BACKTRACKING = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*?)[ \\t]*#*[ \\t]*$");
    private static final char[] ALPHABET = {' ', '\t', '#', 'a', '\u2028'};

    @Test
    void readsEveryShortLineExactlyAsTheBacktrackingPatternDid() {
        int compared = 0;
        for (int length = 0; length <= 8; length++) {
            int[] digits = new int[length];
            for (long n = 0, total = (long) Math.pow(ALPHABET.length, length); n < total; n++) {
                long rest = n;
                char[] line = new char[length];
                for (int i = 0; i < length; i++) {
                    line[i] = ALPHABET[(int) (rest % ALPHABET.length)];
                    rest /= ALPHABET.length;
                }
                String text = new String(line);
                Matcher matcher = BACKTRACKING.matcher(text);
                AtxHeading expected = matcher.matches() ? new AtxHeading(matcher.group(1).length(), matcher.group(2)) : null;
                assertThat(AtxHeading.parse(text)).as("line [%s]", text.replace("\t", "\\t")).isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(488_281);
    }

    @Test
    void readsTheUsualForms() {
        assertThat(AtxHeading.parse("# Title")).isEqualTo(new AtxHeading(1, "Title"));
        assertThat(AtxHeading.parse("   ###   Part three ###  ")).isEqualTo(new AtxHeading(3, "Part three"));
        assertThat(AtxHeading.parse("###### Six")).isEqualTo(new AtxHeading(6, "Six"));
        assertThat(AtxHeading.parse("####### Seven")).isNull();
        assertThat(AtxHeading.parse("    # indented code")).isNull();
        assertThat(AtxHeading.parse("#hashtag")).isNull();
        assertThat(AtxHeading.parse("# a" + " ".repeat(100_000) + "x")).isEqualTo(new AtxHeading(1, "a" + " ".repeat(100_000) + "x"));
    }
}
