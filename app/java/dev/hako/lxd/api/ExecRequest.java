package dev.hako.lxd.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** {@code POST /1.0/instances/<n>/exec}. Hyphenated keys as the server spells them. */
public record ExecRequest(
        List<String> command,
        Map<String, String> environment,
        boolean interactive,
        @JsonProperty("wait-for-websocket") boolean waitForWebsocket,
        @JsonProperty("record-output") boolean recordOutput,
        Integer width,
        Integer height,
        Integer user,
        Integer group,
        String cwd) {

    public static ExecRequest command(List<String> command) {
        return new ExecRequest(command, null, false, true, false, null, null, null, null, null);
    }

    public static ExecRequest interactive(List<String> command, Map<String, String> environment, int width,
                                          int height) {
        return new ExecRequest(command, environment, true, true, false, width, height, null, null, null);
    }

    public ExecRequest withEnvironment(Map<String, String> env) {
        return new ExecRequest(command, env, interactive, waitForWebsocket, recordOutput, width, height, user, group,
                cwd);
    }

    public ExecRequest as(Integer uid, Integer gid, String workingDirectory) {
        return new ExecRequest(command, environment, interactive, waitForWebsocket, recordOutput, width, height, uid,
                gid, workingDirectory);
    }
}
