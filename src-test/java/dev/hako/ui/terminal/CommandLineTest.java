package dev.hako.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void splitsLikeAShellWithoutExpansion() {
        assertThat(CommandLine.split("ls -la  /etc")).containsExactly("ls", "-la", "/etc");
        assertThat(CommandLine.split("sh -c 'echo $HOME; exit 3'")).containsExactly("sh", "-c", "echo $HOME; exit 3");
        assertThat(CommandLine.split("echo \"a \\\"b\\\" c\" d\\ e ''")).containsExactly("echo", "a \"b\" c", "d e", "");
        assertThat(CommandLine.split("cat 日本 'ü x'")).containsExactly("cat", "日本", "ü x");
        assertThat(CommandLine.split("   ")).isEmpty();
        assertThatThrownBy(() -> CommandLine.split("echo 'open")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rendersTheEquivalentCliLine() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("A", "1 2");
        assertThat(CommandLine.execLine("lxc", "local", "c1", env, 1000, null, "/tmp",
                List.of("sh", "-c", "echo it's"))).isEqualTo(
                "lxc exec c1 --env 'A=1 2' --user 1000 --cwd /tmp -- sh -c 'echo it'\\''s'");
        assertThat(CommandLine.execLine("incus", "srv", "c1", Map.of(), null, null, null, List.of("ls")))
                .isEqualTo("incus exec srv:c1 -- ls");
        assertThat(CommandLine.split(CommandLine.quote("a 'b' c"))).containsExactly("a 'b' c");
    }

    @Test
    void parsesEnvironmentLines() {
        assertThat(CommandLine.environment("A=1\n\nB = x=y\n")).containsEntry("A", "1").containsEntry("B", " x=y");
        assertThatThrownBy(() -> CommandLine.environment("novalue")).isInstanceOf(IllegalArgumentException.class);
    }
}
