package org.wedops.localstack.console;

import java.util.ArrayList;
import java.util.List;

/** The one table a person needs after start-up: where each service answers and where it writes. */
public final class StackTable {

    public record Row(String service, int port, String url, String log) {
    }

    private static final List<String> HEADER = List.of("service", "port", "url", "log");

    private StackTable() {
    }

    public static String render(List<Row> rows) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(HEADER);
        rows.forEach(row -> cells.add(List.of(row.service(), String.valueOf(row.port()), row.url(), row.log())));
        int[] widths = new int[HEADER.size()];
        for (List<String> line : cells) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], line.get(column).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (List<String> line : cells) {
            StringBuilder text = new StringBuilder("  ");
            for (int column = 0; column < widths.length; column++) {
                String cell = line.get(column);
                text.append(cell);
                if (column < widths.length - 1) {
                    text.append(" ".repeat(widths[column] - cell.length() + 2));
                }
            }
            table.append(text.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }

    /** Seconds with one decimal, the precision at which start-up times are worth comparing. */
    public static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
