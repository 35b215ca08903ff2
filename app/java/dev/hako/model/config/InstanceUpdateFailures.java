package dev.hako.model.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A profile change the server saved but could not apply to some of the instances that
 * use the profile. LXD and Incus then answer with an error that lists each instance and
 * its reason ("The following instances failed to update (profile change still saved):"
 * then " - Project: default, Instance: c2: reason", older servers " - c2: reason").
 */
public final class InstanceUpdateFailures {

    /** One instance the change did not reach, with the server's reason verbatim. */
    public record Failure(String project, String instance, String reason) {
    }

    private static final String SAVED_ANYWAY = "(profile change still saved)";
    private static final Pattern LINE = Pattern.compile(
            "^\\s*-\\s+(?:Project:\\s*([^,]+),\\s*Instance:\\s*)?([^:\\s]+):\\s*(.*)$");

    private InstanceUpdateFailures() {
    }

    /** The instances named in such an answer; empty when the answer is not of that kind. */
    public static List<Failure> parse(String serverMessage) {
        if (serverMessage == null || !serverMessage.contains(SAVED_ANYWAY)) {
            return List.of();
        }
        List<Failure> failures = new ArrayList<>();
        for (String line : serverMessage.split("\\R")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                failures.add(new Failure(m.group(1) == null ? "" : m.group(1).trim(), m.group(2), m.group(3).trim()));
            }
        }
        return List.copyOf(failures);
    }
}
