package net.taonet.identity.wallet;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The few flat JSON objects of a wallet (string and integer members only), written and read without a
 * JSON library so that the identity library stays dependency-light.
 */
final class FlatJson {

    private FlatJson() {
    }

    static String write(Map<String, ?> members) {
        StringBuilder sb = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, ?> e : members.entrySet()) {
            sb.append("  ").append(quote(e.getKey())).append(": ");
            Object v = e.getValue();
            if (v instanceof Number n) {
                sb.append(n.longValue());
            } else {
                sb.append(quote(String.valueOf(v)));
            }
            sb.append(++i < members.size() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }

    /** Parses a flat object; numbers come back as their decimal text. */
    static Map<String, String> read(String json) {
        Parser p = new Parser(json);
        Map<String, String> out = p.object();
        p.skipWhitespace();
        if (!p.atEnd()) {
            throw new IllegalArgumentException("trailing content after the JSON object");
        }
        return out;
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Map<String, String> object() {
            Map<String, String> out = new LinkedHashMap<>();
            skipWhitespace();
            expect('{');
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return out;
            }
            while (true) {
                skipWhitespace();
                String key = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                out.put(key, peek() == '"' ? string() : number());
                skipWhitespace();
                char c = next();
                if (c == '}') {
                    return out;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("expected ',' or '}' at " + (pos - 1));
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = next();
                    switch (e) {
                        case '"', '\\', '/' -> sb.append(e);
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            if (pos + 4 > s.length()) {
                                throw new IllegalArgumentException("truncated escape");
                            }
                            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                            pos += 4;
                        }
                        default -> throw new IllegalArgumentException("bad escape at " + (pos - 1));
                    }
                } else {
                    sb.append(c);
                }
            }
        }

        private String number() {
            int start = pos;
            while (!atEnd() && (Character.isDigit(peek()) || peek() == '-')) {
                pos++;
            }
            if (start == pos) {
                throw new IllegalArgumentException("expected a string or an integer at " + start);
            }
            return s.substring(start, pos);
        }

        void skipWhitespace() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                pos++;
            }
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        private char peek() {
            if (atEnd()) {
                throw new IllegalArgumentException("unexpected end of JSON");
            }
            return s.charAt(pos);
        }

        private char next() {
            char c = peek();
            pos++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + (pos - 1));
            }
        }
    }
}
