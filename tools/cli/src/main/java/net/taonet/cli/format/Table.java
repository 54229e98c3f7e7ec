package net.taonet.cli.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for people: a header row, columns two spaces apart, numbers right-aligned. Scripts
 * use {@code --json} instead, so the layout may change.
 */
public final class Table {

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    /** Column names; a name ending in {@code >} is right-aligned (the marker is not printed). */
    public Table(String... columns) {
        headers = new ArrayList<>();
        rightAligned = new boolean[columns.length];
        for (int i = 0; i < columns.length; i++) {
            String c = columns[i];
            rightAligned[i] = c.endsWith(">");
            headers.add(rightAligned[i] ? c.substring(0, c.length() - 1) : c);
        }
    }

    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row has " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell == null ? "-" : cell.toString());
        }
        rows.add(row);
        return this;
    }

    public int size() {
        return rows.size();
    }

    /** The table as lines (no trailing spaces). */
    public List<String> lines() {
        int[] width = new int[headers.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = headers.get(i).length();
            for (List<String> row : rows) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        List<String> out = new ArrayList<>(rows.size() + 1);
        out.add(line(headers, width));
        for (List<String> row : rows) {
            out.add(line(row, width));
        }
        return out;
    }

    private String line(List<String> cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append("  ");
            }
            String cell = cells.get(i);
            String pad = " ".repeat(width[i] - cell.length());
            b.append(rightAligned[i] ? pad + cell : cell + pad);
        }
        return b.toString().stripTrailing();
    }
}
