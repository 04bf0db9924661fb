package io.streamforge.store.arango;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the subset of AQL the {@link FakeArangoServer} executes — a test fake, NOT ArangoDB. The
 * grammar follows ArangoDB's documented AQL (3.12): high-level operations FOR, FILTER, LET, SORT
 * (ASC/DESC), LIMIT, COLLECT (… = …, WITH COUNT INTO), RETURN [DISTINCT], INSERT, REMOVE, REPLACE,
 * UPDATE and UPSERT … INSERT … REPLACE|UPDATE … IN (<a
 * href="https://docs.arango.ai/arangodb/3.12/aql/high-level-operations/">AQL high-level
 * operations</a>); expressions with literals, bind parameters {@code @name} and collection bind
 * parameters {@code @@name} (<a
 * href="https://docs.arango.ai/arangodb/3.12/aql/fundamentals/bind-parameters/">bind
 * parameters</a>), attribute access, array and object literals (with shorthand {@code {a, b}}),
 * function calls and the operators {@code == != < <= > >= IN NOT IN AND && OR || NOT !} and unary
 * minus (<a href="https://docs.arango.ai/arangodb/3.12/aql/operators/">AQL operators</a>). Keywords
 * are case-insensitive. A syntax error is answered like ArangoDB: HTTP 400, errorNum 1501 ({@code
 * ERROR_QUERY_PARSE}, <a href="https://docs.arango.ai/arangodb/3.12/develop/error-codes/">error
 * codes</a>).
 */
final class FakeAqlParser extends FakeAqlTokens implements FakeAqlAst {
    /** True while parsing the document of INSERT/REMOVE/…: a top-level IN ends it. */
    private boolean noIn;

    private FakeAqlParser(String query) {
        super(query);
    }

    /** The operations of {@code query}, in order. */
    static List<Op> parse(String query) {
        FakeAqlParser p = new FakeAqlParser(query);
        List<Op> ops = new ArrayList<>();
        while (p.pos < p.tokens.size()) {
            ops.add(p.operation());
        }
        if (ops.isEmpty()) {
            throw syntax("query is empty");
        }
        return ops;
    }

    private Op operation() {
        String kw = next().toUpperCase(Locale.ROOT);
        switch (kw) {
            case "FOR":
                String var = identifier();
                expectKeyword("IN");
                return new For(var, expression());
            case "FILTER":
                return new Filter(expression());
            case "LET":
                String name = identifier();
                expect("=");
                return new Let(name, expression());
            case "SORT":
                return sort();
            case "LIMIT":
                Expr first = expression();
                return accept(",") ? new Limit(first, expression()) : new Limit(null, first);
            case "COLLECT":
                return collect();
            case "RETURN":
                boolean distinct = acceptKeyword("DISTINCT");
                return new Return(distinct, expression());
            case "INSERT":
            case "REMOVE":
            case "REPLACE":
            case "UPDATE":
                Expr doc = document();
                expectKeyword(kw.equals("INSERT") ? "INTO|IN" : "IN");
                return new Modify(kw, doc, primary());
            case "UPSERT":
                Expr search = document();
                expectKeyword("INSERT");
                Expr insert = document();
                boolean replace = acceptKeyword("REPLACE");
                if (!replace) {
                    expectKeyword("UPDATE");
                }
                Expr change = document();
                expectKeyword("INTO|IN");
                return new Upsert(search, insert, replace, change, primary());
            default:
                throw syntax("unexpected '" + kw + "', expected an operation");
        }
    }

    /** An expression ended by a top-level IN / INTO (the operand of a data modification). */
    private Expr document() {
        noIn = true;
        try {
            return expression();
        } finally {
            noIn = false;
        }
    }

    /** An expression nested in brackets: IN is an operator again. */
    private Expr nested() {
        boolean saved = noIn;
        noIn = false;
        try {
            return expression();
        } finally {
            noIn = saved;
        }
    }

    private Op sort() {
        List<Expr> keys = new ArrayList<>();
        List<Boolean> asc = new ArrayList<>();
        do {
            keys.add(expression());
            boolean descending = acceptKeyword("DESC");
            if (!descending) {
                acceptKeyword("ASC");
            }
            asc.add(!descending);
        } while (accept(","));
        return new Sort(keys, asc);
    }

    private Op collect() {
        List<String> vars = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        if (!peekKeyword("WITH")) {
            do {
                vars.add(identifier());
                expect("=");
                values.add(expression());
            } while (accept(","));
        }
        String countVar = null;
        if (acceptKeyword("WITH")) {
            expectKeyword("COUNT");
            expectKeyword("INTO");
            countVar = identifier();
        }
        return new Collect(vars, values, countVar);
    }

    private Expr expression() {
        Expr left = and();
        while (acceptKeyword("OR") || accept("||")) {
            left = new Binary("OR", left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (acceptKeyword("AND") || accept("&&")) {
            left = new Binary("AND", left, not());
        }
        return left;
    }

    private Expr not() {
        if (acceptKeyword("NOT") || accept("!")) {
            return new Unary("NOT", not());
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = unary();
        for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
            if (accept(op)) {
                return new Binary(op, left, unary());
            }
        }
        if (noIn) {
            return left;
        }
        if (acceptKeyword("IN")) {
            return new Binary("IN", left, unary());
        }
        if (peekKeyword("NOT") && pos + 1 < tokens.size() && isKeyword(tokens.get(pos + 1), "IN")) {
            pos += 2;
            return new Binary("NOT IN", left, unary());
        }
        return left;
    }

    private Expr unary() {
        if (accept("-")) {
            return new Unary("-", unary());
        }
        Expr e = primary();
        while (true) {
            if (accept(".")) {
                e = new Attr(e, identifier());
            } else if (accept("[")) {
                e = new Index(e, nested());
                expect("]");
            } else {
                return e;
            }
        }
    }

    private Expr primary() {
        String t = next();
        char c = t.charAt(0);
        if (c == '\'' || c == '"') {
            return new Lit(TextNode.valueOf(unquote(t)));
        }
        if (Character.isDigit(c)) {
            return new Lit(
                    t.matches("\\d+") && t.length() < 19
                            ? LongNode.valueOf(Long.parseLong(t))
                            : DoubleNode.valueOf(Double.parseDouble(t)));
        }
        if (t.startsWith("@@")) {
            return new CollBind(t.substring(2));
        }
        if (c == '@') {
            return new Bind(t.substring(1));
        }
        if (t.equals("(")) {
            Expr e = nested();
            expect(")");
            return e;
        }
        if (t.equals("[")) {
            List<Expr> items = new ArrayList<>();
            while (!accept("]")) {
                items.add(nested());
                if (!accept(",")) {
                    expect("]");
                    break;
                }
            }
            return new Arr(items);
        }
        if (t.equals("{")) {
            return object();
        }
        return word(t);
    }

    private Expr word(String t) {
        String upper = t.toUpperCase(Locale.ROOT);
        if (upper.equals("TRUE") || upper.equals("FALSE")) {
            return new Lit(BooleanNode.valueOf(upper.equals("TRUE")));
        }
        if (upper.equals("NULL")) {
            return new Lit(NullNode.getInstance());
        }
        if (!Character.isLetter(t.charAt(0)) && t.charAt(0) != '_' && t.charAt(0) != '`') {
            throw syntax("unexpected '" + t + "'");
        }
        if (KEYWORDS.contains(upper)) {
            throw syntax("unexpected keyword '" + t + "'");
        }
        if (accept("(")) {
            List<Expr> args = new ArrayList<>();
            while (!accept(")")) {
                args.add(nested());
                if (!accept(",")) {
                    expect(")");
                    break;
                }
            }
            return new Call(upper, args);
        }
        return new Name(t.replace("`", ""));
    }

    private Expr object() {
        Map<String, Expr> attrs = new LinkedHashMap<>();
        while (!accept("}")) {
            String key = next();
            if (key.startsWith("'") || key.startsWith("\"")) {
                key = unquote(key);
            }
            attrs.put(key, accept(":") ? nested() : new Name(key));
            if (!accept(",")) {
                expect("}");
                break;
            }
        }
        return new Obj(attrs);
    }
}
