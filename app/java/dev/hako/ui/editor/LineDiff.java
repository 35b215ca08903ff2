package dev.hako.ui.editor;

import java.util.ArrayList;
import java.util.List;

/** A line diff (longest common subsequence) of two texts, for the review before saving. Pure. */
public final class LineDiff {

    public enum Op { SAME, ADDED, REMOVED }

    public record Line(Op op, String text) {
        public String render() {
            return (op == Op.ADDED ? "+ " : op == Op.REMOVED ? "- " : "  ") + text;
        }
    }

    private LineDiff() {
    }

    public static List<Line> diff(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int n = a.length;
        int m = b.length;
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a[i].equals(b[j])) {
                out.add(new Line(Op.SAME, a[i++]));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Op.REMOVED, a[i++]));
            } else {
                out.add(new Line(Op.ADDED, b[j++]));
            }
        }
        while (i < n) {
            out.add(new Line(Op.REMOVED, a[i++]));
        }
        while (j < m) {
            out.add(new Line(Op.ADDED, b[j++]));
        }
        if (!out.isEmpty() && out.get(out.size() - 1).op() == Op.SAME && out.get(out.size() - 1).text().isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    public static boolean changed(List<Line> lines) {
        return lines.stream().anyMatch(l -> l.op() != Op.SAME);
    }
}
