package dev.hako.lxd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hako.lxd.api.MetricSample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On text captured from the test bed's daemons (one running container "m1" with eth0, one stopped "s1"). */
class OpenMetricsParserTest {

    static String captured(String file) {
        try (InputStream in = OpenMetricsParserTest.class.getResourceAsStream("/dev/hako/lxd/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsLxd502Text() {
        List<MetricSample> samples = OpenMetricsParser.parse(captured("metrics-lxd-5.0.2.txt"));
        assertThat(samples).hasSize(41);
        MetricSample first = samples.get(0);
        assertThat(first.name()).isEqualTo("lxd_cpu_seconds_total");
        assertThat(first.labels()).containsEntry("cpu", "0").containsEntry("mode", "system")
                .containsEntry("name", "m1").containsEntry("project", "default").containsEntry("type", "container");
        assertThat(first.value()).isEqualTo(0.008);
        assertThat(samples).filteredOn(s -> s.name().equals("lxd_memory_MemTotal_bytes"))
                .singleElement().extracting(MetricSample::value).isEqualTo(2.4683756e10);
        // The stopped instance has no lines at all.
        assertThat(samples).allMatch(s -> s.label("name").equals("m1"));
        // A filesystem line has an empty label value and no type.
        assertThat(samples).filteredOn(s -> s.name().equals("lxd_filesystem_size_bytes")).singleElement()
                .satisfies(s -> assertThat(s.labels()).containsEntry("device", "").doesNotContainKey("type"));
    }

    @Test
    void readsIncus604Text() {
        List<MetricSample> samples = OpenMetricsParser.parse(captured("metrics-incus-6.0.4.txt"));
        assertThat(samples).extracting(MetricSample::name).allMatch(n -> n.startsWith("incus_"))
                .contains("incus_cpu_seconds_total", "incus_memory_MemFree_bytes", "incus_network_transmit_bytes_total",
                        "incus_procs_total", "incus_cpu_effective_total");
        assertThat(samples).filteredOn(s -> s.name().equals("incus_network_receive_bytes_total"))
                .extracting(s -> s.label("device")).containsExactlyInAnyOrder("lo", "eth0");
    }

    @Test
    void anIdleServerSaysOnlyEof() {
        assertThat(OpenMetricsParser.parse("# EOF\n")).isEmpty();
    }

    @Test
    void escapesSpecialValuesAndLabelFreeLines() {
        List<MetricSample> samples = OpenMetricsParser.parse("""
                a_total{name="we\\"ird\\\\one",x="1\\n2"} 3
                b_bytes 1.5e+3
                c_ratio{name="n"} NaN
                d{name="n"} +Inf 1700000000
                """);
        assertThat(samples.get(0).label("name")).isEqualTo("we\"ird\\one");
        assertThat(samples.get(0).label("x")).isEqualTo("1\n2");
        assertThat(samples.get(1).labels()).isEmpty();
        assertThat(samples.get(1).value()).isEqualTo(1500);
        assertThat(samples.get(2).value()).isNaN();
        assertThat(samples.get(3).value()).isInfinite();
    }

    @Test
    void aBrokenLineIsNamed() {
        assertThatThrownBy(() -> OpenMetricsParser.parse("# HELP x\nx{name=\"a\" 1\n"))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> OpenMetricsParser.parse("x{name=\"a\"} one\n"))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("not a number");
    }
}
