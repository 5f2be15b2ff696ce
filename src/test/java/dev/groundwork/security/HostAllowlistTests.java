package dev.groundwork.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The firewall's header and parameter rules, answered early for printable ASCII, answer as Spring Security's do. */
class HostAllowlistTests {

    @Test
    void theShortcutAnswersAsTheFirewallsOwnRules() {
        List<String> samples = new ArrayList<>(List.of("", "Bearer gwk_abcdefgh_x", "text/html, */*; q=0.8", " ~",
                "tab\there", "nul\u0000", "bell\u0007", "del\u007f", "c1\u0085", "café", "\u00a0", "日本語",
                "unassigned\u0378", "emoji\ud83d\ude00", "lone\ud800", "line\nbreak", "cr\r"));
        for (char c = 0; c < 0x180; c++) {
            samples.add("a" + c + "b");
        }
        List<Predicate<String>> rules = List.of(StrictHttpFirewall.ALLOWED_HEADER_NAMES,
                StrictHttpFirewall.ALLOWED_HEADER_VALUES, StrictHttpFirewall.ALLOWED_PARAMETER_NAMES);
        int refused = 0;
        for (Predicate<String> rule : rules) {
            Predicate<String> shortcut = HostAllowlist.printableAsciiOr(rule);
            for (String sample : samples) {
                assertThat(shortcut.test(sample)).as(sample).isEqualTo(rule.test(sample));
                refused += rule.test(sample) ? 0 : 1;
            }
        }
        // the rules refuse some of the samples (control characters, unassigned code points): both answers were tried
        assertThat(refused).isGreaterThan(3 * 60);
    }
}
