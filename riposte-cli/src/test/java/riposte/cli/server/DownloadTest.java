package riposte.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownloadTest {
    @Test
    void storedNamesLoseSeparatorsAndControlCharacters() {
        assertThat(Download.safeName("../../etc/passwd", 7)).isEqualTo(".._.._etc_passwd");
        assertThat(Download.safeName("..\\windows\\win.ini", 7)).isEqualTo(".._windows_win.ini");
        assertThat(Download.safeName("report\u001b[31m.pdf", 7)).isEqualTo("report_[31m.pdf");
        assertThat(Download.safeName("C:boot.ini", 7)).isEqualTo("C_boot.ini");
        assertThat(Download.safeName("scan results (1).csv", 7)).isEqualTo("scan results (1).csv");
    }

    @Test
    void namesThatAreNoNameBecomeTheAttachmentId() {
        assertThat(Download.safeName("..", 7)).isEqualTo("attachment-7");
        assertThat(Download.safeName(".", 7)).isEqualTo("attachment-7");
        assertThat(Download.safeName("  ", 7)).isEqualTo("attachment-7");
        assertThat(Download.safeName(null, 7)).isEqualTo("attachment-7");
        assertThat(Download.safeName("/", 7)).isEqualTo("_");
    }
}
