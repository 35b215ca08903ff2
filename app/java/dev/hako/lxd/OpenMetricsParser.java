package dev.hako.lxd;

import dev.hako.lxd.api.MetricSample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the OpenMetrics text of {@code /1.0/metrics}: {@code # HELP}/{@code # TYPE} comments,
 * then one sample a line, {@code name{label="value",…} number}, ending with {@code # EOF}.
 * Label values may hold escaped quotes, backslashes and newlines; numbers may be written
 * in exponent form ({@code 2.4683756e+10}), as {@code NaN} or {@code +Inf}.
 */
public final class OpenMetricsParser {

    private OpenMetricsParser() {
    }

    /** Every sample of the text, in order; a line that is not a sample is an error that names it. */
    public static List<MetricSample> parse(String text) {
        List<MetricSample> samples = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lineNumber++;
            String line = text.substring(start, end).strip();
            start = end + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            samples.add(sample(line, lineNumber));
        }
        return samples;
    }

    private static MetricSample sample(String line, int lineNumber) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        if (space < 0) {
            throw malformed(line, lineNumber, "no value");
        }
        Map<String, String> labels = new HashMap<>();
        String name;
        int rest;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            rest = labels(line, brace + 1, labels, lineNumber);
        } else {
            name = line.substring(0, space);
            rest = space;
        }
        String[] tail = line.substring(rest).strip().split(" ");
        if (name.isEmpty() || tail.length == 0 || tail[0].isEmpty()) {
            throw malformed(line, lineNumber, "no value");
        }
        return new MetricSample(name, labels, number(tail[0], line, lineNumber));
    }

    /** Reads {@code key="value",…}} from {@code at}; returns the index after the closing brace. */
    private static int labels(String line, int at, Map<String, String> labels, int lineNumber) {
        int i = at;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '}') {
                return i + 1;
            }
            if (c == ',' || c == ' ') {
                i++;
                continue;
            }
            int equals = line.indexOf('=', i);
            if (equals < 0 || equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
                throw malformed(line, lineNumber, "a label without a quoted value");
            }
            String key = line.substring(i, equals);
            StringBuilder value = new StringBuilder();
            int j = equals + 2;
            for (; j < line.length() && line.charAt(j) != '"'; j++) {
                char v = line.charAt(j);
                if (v == '\\' && j + 1 < line.length()) {
                    char escaped = line.charAt(++j);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(v);
                }
            }
            if (j >= line.length()) {
                throw malformed(line, lineNumber, "an unterminated label value");
            }
            labels.put(key, value.toString());
            i = j + 1;
        }
        throw malformed(line, lineNumber, "no closing brace");
    }

    private static double number(String text, String line, int lineNumber) {
        switch (text) {
            case "+Inf", "Inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-Inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "NaN" -> {
                return Double.NaN;
            }
            default -> {
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw malformed(line, lineNumber, "a value that is not a number");
                }
            }
        }
    }

    private static MalformedResponseException malformed(String line, int lineNumber, String what) {
        String shown = line.length() > 120 ? line.substring(0, 120) + "…" : line;
        return new MalformedResponseException("GET /1.0/metrics: line " + lineNumber + " has " + what + ": " + shown,
                null);
    }
}
