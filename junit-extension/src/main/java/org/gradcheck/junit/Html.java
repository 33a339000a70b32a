package org.gradcheck.junit;

/** Escaping and shortening of text for the suite report's markup. */
final class Html {

    private Html() {
    }

    /** {@code text} with {@code & < > "} replaced by character references, safe in element content and attributes. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    escaped.append("&amp;");
                    break;
                case '<':
                    escaped.append("&lt;");
                    break;
                case '>':
                    escaped.append("&gt;");
                    break;
                case '"':
                    escaped.append("&quot;");
                    break;
                default:
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        escaped.append(' ');
                    } else {
                        escaped.append(c);
                    }
            }
        }
        return escaped.toString();
    }

    /** {@code name} shortened in the middle to at most {@code width} characters. */
    static String shorten(String name, int width) {
        if (name.length() <= width) {
            return name;
        }
        int tail = width / 2;
        int head = width - tail - 1;
        return name.substring(0, head) + "\u2026" + name.substring(name.length() - tail);
    }
}
