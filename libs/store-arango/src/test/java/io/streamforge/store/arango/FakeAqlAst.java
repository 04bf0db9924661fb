package io.streamforge.store.arango;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The syntax tree of {@link FakeAqlParser} (part of the test fake, NOT ArangoDB). */
interface FakeAqlAst {
    /** An expression. */
    sealed interface Expr {}

    record Lit(JsonNode value) implements Expr {}

    record Bind(String name) implements Expr {}

    /** {@code @@name}: a collection name given as a bind parameter. */
    record CollBind(String name) implements Expr {}

    /** A variable, or a collection when used as a FOR source / IN target and not a variable. */
    record Name(String name) implements Expr {}

    record Attr(Expr base, String name) implements Expr {}

    record Index(Expr base, Expr index) implements Expr {}

    record Obj(Map<String, Expr> attrs) implements Expr {}

    record Arr(List<Expr> items) implements Expr {}

    record Call(String function, List<Expr> args) implements Expr {}

    record Unary(String op, Expr operand) implements Expr {}

    record Binary(String op, Expr left, Expr right) implements Expr {}

    /** A high-level operation. */
    sealed interface Op {}

    record For(String var, Expr source) implements Op {}

    record Filter(Expr condition) implements Op {}

    record Let(String var, Expr value) implements Op {}

    record Sort(List<Expr> keys, List<Boolean> ascending) implements Op {}

    record Limit(Expr offset, Expr count) implements Op {}

    record Collect(List<String> vars, List<Expr> values, String countVar) implements Op {}

    record Return(boolean distinct, Expr value) implements Op {}

    /** INSERT, REMOVE, REPLACE or UPDATE of {@code doc} in {@code collection}. */
    record Modify(String kind, Expr doc, Expr collection) implements Op {}

    record Upsert(Expr search, Expr insert, boolean replace, Expr change, Expr collection)
            implements Op {}
}
