package app.comptoir.platform.db;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expand/contract rules a migration must keep so that it can run while the previous version still serves
 * (operator guide, "Upgrades without downtime"): no lock or rewrite of a whole existing table, nothing the previous
 * version still uses removed or renamed. A statement that breaks one on purpose carries the comment
 * {@code -- zero-downtime: reviewed <why>} (before it or inside it), and is then left alone.
 */
final class MigrationRules {

    /** The marker of a statement whose lock or rewrite was judged acceptable; a reason must follow it. */
    static final Pattern REVIEWED = Pattern.compile("--\\s*zero-downtime:\\s*reviewed\\s+\\S.*");

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "\\bcreate\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?([\\w.\"]+)", Pattern.DOTALL);
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "\\bcreate\\s+(?:unique\\s+)?index\\s+(concurrently\\s+)?.*?\\bon\\s+(?:only\\s+)?([\\w.\"]+)", Pattern.DOTALL);
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "\\balter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?([\\w.\"]+)", Pattern.DOTALL);
    private static final Pattern ADD_COLUMN = Pattern.compile("\\badd\\s+(?:column\\s+)?(?:if\\s+not\\s+exists\\s+)?"
            + "(?!constraint\\b|primary\\b|unique\\b|foreign\\b|check\\b|exclude\\b)[\\w\"]+\\s+(\\S)", Pattern.DOTALL);
    private static final Pattern TYPE_CHANGE = Pattern.compile("\\balter\\s+(?:column\\s+)?[\\w\"]+\\s+(?:set\\s+data\\s+)?type\\b");
    private static final Pattern SET_NOT_NULL = Pattern.compile("\\balter\\s+(?:column\\s+)?[\\w\"]+\\s+set\\s+not\\s+null\\b");
    private static final Pattern NOT_NULL = Pattern.compile("\\bnot\\s+null\\b");
    private static final Pattern DEFAULT = Pattern.compile("\\bdefault\\b");
    private static final Pattern DROP_COLUMN = Pattern.compile("\\bdrop\\s+column\\b");
    private static final Pattern DROP_TABLE = Pattern.compile("^drop\\s+table\\b");
    private static final Pattern WRITE = Pattern.compile(
            "^(?:update\\s+(?:only\\s+)?|delete\\s+from\\s+(?:only\\s+)?)([\\w.\"]+)");
    private static final Pattern RENAME = Pattern.compile("\\brename\\b");
    private static final Pattern CONCURRENTLY = Pattern.compile("\\bconcurrently\\b");

    private MigrationRules() {
    }

    /** Every rule the migration's statements break, one line each (empty: the migration may run during an upgrade). */
    static List<String> violations(String sql) {
        List<String> found = new ArrayList<>();
        List<Statement> statements = statements(sql);
        Set<String> newTables = new HashSet<>();
        for (Statement s : statements) {
            Matcher created = CREATE_TABLE.matcher(s.code());
            if (created.find()) {
                newTables.add(unquote(created.group(1)));
            }
        }
        long concurrent = statements.stream().filter(s -> CONCURRENTLY.matcher(s.code()).find()).count();
        if (concurrent > 0 && concurrent < statements.stream().filter(s -> !s.code().isBlank()).count()) {
            found.add("a migration with CONCURRENTLY must hold nothing else (Flyway runs it outside a transaction)");
        }
        for (Statement s : statements) {
            if (s.reviewed()) {
                continue;
            }
            String code = s.code();
            Matcher index = CREATE_INDEX.matcher(code);
            if (index.find() && index.group(1) == null && !newTables.contains(unquote(index.group(2)))) {
                found.add("create index without concurrently on the existing table " + index.group(2) + ": " + s.brief());
            }
            Matcher write = WRITE.matcher(code);
            if (write.find() && !newTables.contains(unquote(write.group(1)))) {
                found.add("rows of the existing table " + write.group(1) + " changed in the migration (backfill in "
                        + "batches, outside it, if the table may be large): " + s.brief());
            }
            if (DROP_TABLE.matcher(code).find()) {
                found.add("drop table (the previous version may still use it; drop a release later): " + s.brief());
            }
            Matcher alter = ALTER_TABLE.matcher(code);
            boolean altersTable = alter.find();
            if (altersTable && newTables.contains(unquote(alter.group(1)))) {
                continue;
            }
            if (RENAME.matcher(code).find()) {
                found.add("rename: " + s.brief());
            }
            if (!altersTable) {
                continue;
            }
            Matcher add = ADD_COLUMN.matcher(code);
            while (add.find()) {
                String definition = untilTopLevelComma(code, add.start(1));
                if (NOT_NULL.matcher(definition).find() && !DEFAULT.matcher(definition).find()) {
                    found.add("add column not null without a default on " + alter.group(1) + ": " + s.brief());
                }
            }
            if (TYPE_CHANGE.matcher(code).find()) {
                found.add("column type change on " + alter.group(1) + ": " + s.brief());
            }
            if (DROP_COLUMN.matcher(code).find()) {
                found.add("drop column on " + alter.group(1) + " (the previous version may still read it; drop a "
                        + "release later): " + s.brief());
            }
            if (SET_NOT_NULL.matcher(code).find()) {
                found.add("set not null on " + alter.group(1) + " (scans the table under an exclusive lock): " + s.brief());
            }
        }
        return found;
    }

    /** A statement: its code (lower case, comments and string contents blanked), and whether it was reviewed. */
    record Statement(String code, boolean reviewed) {
        String brief() {
            String oneLine = code.replaceAll("\\s+", " ").trim();
            return oneLine.length() > 120 ? oneLine.substring(0, 120) + "…" : oneLine;
        }
    }

    /**
     * Splits a script into statements at the semicolons outside comments, quotes and dollar quotes. The comments
     * before a statement belong to it (that is where its review marker goes).
     */
    static List<Statement> statements(String sql) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        boolean reviewed = false;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                if (REVIEWED.matcher(sql.substring(i, end).trim()).matches()) {
                    reviewed = true;
                }
                code.append(' ');
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                code.append(' ');
            } else if (c == '\'') {
                int end = i + 1;
                while (end < n && !(sql.charAt(end) == '\'' && (end + 1 >= n || sql.charAt(end + 1) != '\''))) {
                    end += sql.charAt(end) == '\'' ? 2 : 1;
                }
                code.append("''");
                i = end + 1;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                // a function body or a DO block: its statements are kept (a DO block may alter a table)
                code.append(end < 0 ? sql.substring(i + tag.length()) : sql.substring(i + tag.length(), end));
                i = end < 0 ? n : end + tag.length();
            } else if (c == ';') {
                statements.add(new Statement(code.toString().toLowerCase(Locale.ROOT).trim(), reviewed));
                code.setLength(0);
                reviewed = false;
                i++;
            } else {
                code.append(c);
                i++;
            }
        }
        if (!code.toString().isBlank()) {
            statements.add(new Statement(code.toString().toLowerCase(Locale.ROOT).trim(), reviewed));
        }
        return statements;
    }

    /** A column's definition: from {@code from} to the next comma outside parentheses, or the end. */
    private static String untilTopLevelComma(String code, int from) {
        int depth = 0;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return code.substring(from, i);
            }
        }
        return code.substring(from);
    }

    private static String dollarTag(String sql, int at) {
        Matcher tag = Pattern.compile("\\$[A-Za-z_]*\\$").matcher(sql).region(at, sql.length());
        return tag.lookingAt() ? tag.group() : null;
    }

    private static String unquote(String name) {
        String bare = name.replace("\"", "");
        return bare.startsWith("public.") ? bare.substring("public.".length()) : bare;
    }
}
