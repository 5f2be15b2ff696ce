package dev.groundwork.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditEntryTests {

    private static final Actor EDITOR = new Actor("ci", "key", "gwk_abcdefgh", Role.EDITOR);

    @Test
    void aLineNamesTheActionOutcomeCallerAddressAndTarget() {
        String line = AuditEntry.of("delete", "deleted").with("document", "3f2a9c0d41b7e865").line(EDITOR, "10.0.0.7");

        assertThat(line).isEqualTo("action=delete outcome=deleted principal=ci via=key credential=gwk_abcdefgh "
                + "role=editor client=10.0.0.7 document=3f2a9c0d41b7e865");
    }

    @Test
    void aClientsFileNameCannotForgeALineOrAField() {
        String line = AuditEntry.of("upload", "created")
                .with("file", "a.txt\naction=delete outcome=deleted principal=admin \"x\"\u202e")
                .line(EDITOR, "127.0.0.1");

        assertThat(line).doesNotContain("\n").endsWith(
                "file=\"a.txt\\u000aaction=delete outcome=deleted principal=admin \\\"x\\\"\\u202e\"");
    }

    @Test
    void missingValuesAreLeftOutAndAnonymousCallersSaySo() {
        String line = AuditEntry.of("reindex", "refused").with("code", null).line(Actor.ANONYMOUS, null);

        assertThat(line).isEqualTo("action=reindex outcome=refused principal=anonymous via=anonymous credential=- "
                + "role=- client=-");
    }
}
