package io.streamforge.store.arango;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tokens of an AQL query for {@link FakeAqlParser} (part of the test fake, NOT ArangoDB):
 * string, number, bind-parameter, name and operator tokens; whitespace and comments dropped;
 * keywords case-insensitive. A character that starts no token is a syntax error (400/1501).
 */
class FakeAqlTokens {
    static final Pattern TOKEN =
            Pattern.compile(
                    "\\s+|//[^\\n]*|/\\*.*?\\*/"
                            + "|(?<str>'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")"
                            + "|(?<num>\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)"
                            + "|(?<bind>@@?[A-Za-z_][A-Za-z0-9_]*)"
                            + "|(?<id>[A-Za-z_][A-Za-z0-9_]*|`[^`]+`)"
                            + "|(?<op>==|!=|<=|>=|&&|\\|\\||[<>()\\[\\]{},:.!=+\\-*/%])",
                    Pattern.DOTALL);
    static final Set<String> KEYWORDS =
            Set.of(
                    ("FOR IN FILTER LET SORT ASC DESC LIMIT COLLECT WITH COUNT INTO RETURN DISTINCT"
                                    + " INSERT REMOVE REPLACE UPDATE UPSERT AND OR NOT TRUE FALSE NULL")
                            .split(" "));

    final List<String> tokens = new ArrayList<>();
    int pos;

    FakeAqlTokens(String query) {
        Matcher m = TOKEN.matcher(query);
        int at = 0;
        while (at < query.length()) {
            if (!m.find(at) || m.start() != at) {
                throw syntax("unexpected character at position " + at);
            }
            boolean blank = m.group("str") == null && m.group("num") == null;
            if (!blank
                    || m.group("bind") != null
                    || m.group("id") != null
                    || m.group("op") != null) {
                tokens.add(m.group()); // whitespace and comments are dropped
            }
            at = m.end();
        }
    }

    String identifier() {
        String t = next();
        if (!t.matches("[A-Za-z_][A-Za-z0-9_]*|`[^`]+`") || KEYWORDS.contains(upper(t))) {
            throw syntax("expected a name, got '" + t + "'");
        }
        return t.replace("`", "");
    }

    String next() {
        if (pos >= tokens.size()) {
            throw syntax("unexpected end of query");
        }
        return tokens.get(pos++);
    }

    boolean accept(String token) {
        if (pos < tokens.size() && tokens.get(pos).equals(token)) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(String token) {
        if (!accept(token)) {
            throw syntax("expected '" + token + "'" + near());
        }
    }

    boolean peekKeyword(String kw) {
        return pos < tokens.size() && isKeyword(tokens.get(pos), kw);
    }

    boolean acceptKeyword(String kw) {
        if (peekKeyword(kw)) {
            pos++;
            return true;
        }
        return false;
    }

    /** {@code alternatives}: keywords separated by {@code |}. */
    void expectKeyword(String alternatives) {
        for (String kw : alternatives.split("\\|")) {
            if (acceptKeyword(kw)) {
                return;
            }
        }
        throw syntax("expected " + alternatives + near());
    }

    String near() {
        return pos < tokens.size() ? " near '" + tokens.get(pos) + "'" : " at the end";
    }

    static boolean isKeyword(String token, String kw) {
        return upper(token).equals(kw);
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    static String unquote(String t) {
        String body = t.substring(1, t.length() - 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '\\' && i + 1 < body.length()) {
                char e = body.charAt(++i);
                out.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    static FakeAql.Failure syntax(String message) {
        return new FakeAql.Failure(400, 1501, "AQL: syntax error, " + message);
    }
}
