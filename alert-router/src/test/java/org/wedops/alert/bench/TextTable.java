package org.wedops.alert.bench;

import java.util.ArrayList;
import java.util.List;

/** A plain fixed-width table. */
final class TextTable {
    final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    void row(String... cells) {
        rows.add(cells);
    }

    String render() {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            b.append("| ");
            for (int i = 0; i < r.length; i++) {
                b.append(r[i]).append(" ".repeat(width[i] - r[i].length())).append(" | ");
            }
            b.setLength(b.length() - 1);
            b.append('\n');
            if (n == 0) {
                b.append('|');
                for (int w : width) {
                    b.append("-".repeat(w + 2)).append('|');
                }
                b.append('\n');
            }
        }
        return b.toString();
    }
}
