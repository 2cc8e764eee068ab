package app.comptoir.platform.backup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A table's row count and checksum: the MD5 of its rows' text, sorted byte-wise and joined by newlines, which an
 * operator can compute with psql too:
 * {@code select count(*), coalesce(md5(string_agg(t::text, E'\n' order by t::text collate "C")), md5('')) from T t}
 * (in a session with {@code TimeZone} UTC). Here the rows are streamed, so a table of any size fits.
 *
 * @param table the schema-qualified, quoted name
 */
record TableFingerprint(String table, long rows, String md5) {

    /** Every table of the database outside the system schemas, in name order, read in the connection's transaction. */
    static List<TableFingerprint> of(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            s.execute("set local TimeZone = 'UTC'");
            s.execute("set local DateStyle = 'ISO, YMD'");
            s.execute("set local IntervalStyle = 'postgres'");
            s.execute("set local extra_float_digits = 1");
            try (ResultSet rs = s.executeQuery("""
                    select quote_ident(schemaname) || '.' || quote_ident(tablename) from pg_tables
                    where schemaname not in ('pg_catalog', 'information_schema') and schemaname not like 'pg\\_%'
                    order by schemaname collate "C", tablename collate "C"
                    """)) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        List<TableFingerprint> fingerprints = new ArrayList<>();
        for (String table : tables) {
            fingerprints.add(of(connection, table));
        }
        return fingerprints;
    }

    private static TableFingerprint of(Connection connection, String table) throws SQLException {
        return of(connection, table, table, "", null);
    }

    /**
     * The fingerprint of the rows of {@code from} (a table name, aliased {@code t}) that {@code where} keeps (empty,
     * or {@code " where …"} with at most one parameter, {@code parameter}), reported under the name {@code table}.
     */
    static TableFingerprint of(Connection connection, String table, String from, String where, Object parameter)
            throws SQLException {
        MessageDigest md5 = md5Digest();
        long rows = 0;
        try (PreparedStatement s = connection.prepareStatement(
                "select t::text from " + from + " t" + where + " order by t::text collate \"C\"")) {
            s.setFetchSize(1000);
            if (parameter != null) {
                s.setObject(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rows > 0) {
                        md5.update((byte) '\n');
                    }
                    md5.update(rs.getString(1).getBytes(StandardCharsets.UTF_8));
                    rows++;
                }
            }
        }
        return new TableFingerprint(table, rows, HexFormat.of().formatHex(md5.digest()));
    }

    private static MessageDigest md5Digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
