package riposte.server.console.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityChartTest {

    @Test
    void theScaleHasFourRoundSteps() {
        assertThat(ActivityChart.niceCeiling(0)).isEqualTo(4);
        assertThat(ActivityChart.niceCeiling(4)).isEqualTo(4);
        assertThat(ActivityChart.niceCeiling(5)).isEqualTo(8);
        assertThat(ActivityChart.niceCeiling(9)).isEqualTo(20);
        assertThat(ActivityChart.niceCeiling(41)).isEqualTo(80);
        assertThat(ActivityChart.niceCeiling(10_001)).isEqualTo(20_000);
    }

    @Test
    void barsAreProportionalAndVerdictsStackOnTheSameBase() {
        LocalDate d1 = LocalDate.of(2026, 11, 1);
        LocalDate d2 = d1.plusDays(1);
        var chart = ActivityChart.of(List.of(d1, d2), Map.of(d1, 2L, d2, 4L),
                Map.of(d2, Map.of("MALICIOUS", 1L, "BENIGN", 3L, "UNKNOWN", 50L)));
        assertThat(chart.maxCount()).isEqualTo(4);
        var incidents = chart.bars().stream().filter(b -> b.css().equals("bar-incidents")).toList();
        assertThat(incidents).hasSize(2);
        assertThat(incidents.get(1).height()).isEqualTo(incidents.get(0).height() * 2);
        var malicious = chart.bars().stream().filter(b -> b.css().equals("bar-malicious")).findFirst().orElseThrow();
        var benign = chart.bars().stream().filter(b -> b.css().equals("bar-benign")).findFirst().orElseThrow();
        assertThat(benign.y() + benign.height()).isEqualTo(malicious.y());
        assertThat(malicious.y() + malicious.height()).isEqualTo(incidents.get(1).y() + incidents.get(1).height());
        assertThat(chart.bars()).noneMatch(b -> b.css().equals("bar-unknown"));
        assertThat(chart.incidents()).isEqualTo(6);
        assertThat(chart.malicious()).isEqualTo(1);
        assertThat(incidents.get(0).title()).isEqualTo("1 Nov: 2 incidents");
    }
}
