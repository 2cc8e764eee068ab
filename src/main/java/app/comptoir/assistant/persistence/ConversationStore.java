package app.comptoir.assistant.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every SQL text of the chat agent's conversations ({@code assistant_conversations}) and their messages
 * ({@code assistant_messages}). Each method runs in the caller's transaction, which carries the tenant for
 * row-level security; the counters change by atomic increments only.
 */
@Repository
public class ConversationStore {

    /** Who a conversation belongs to: a staff user of the back office, or a shopper of the business's shop. */
    public static final String STAFF = "staff";
    public static final String SHOPPER = "shopper";

    /**
     * A conversation: whose ({@code ownerKind} {@value #STAFF} or {@value #SHOPPER}, {@code userId} the user's or
     * the shopper's id, {@code ownerLabel} a shopper's name and e-mail), its title, what it used of its budget, and
     * the order waiting for a "yes" (JSON).
     */
    public record Conversation(UUID id, UUID userId, String title, long tokensIn, long tokensOut, BigDecimal cost,
                               int tokenBudget, String pendingOrder, Instant createdAt, Instant updatedAt,
                               String ownerKind, String ownerLabel) {

        /** Whether the conversation is this owner's. */
        public boolean ownedBy(String kind, UUID owner) {
            return ownerKind.equals(kind) && userId.equals(owner);
        }

        public long tokens() {
            return tokensIn + tokensOut;
        }
    }

    /** One message; for a tool: its name, arguments, outcome and the document it created. */
    public record Message(int seq, String role, String content, String toolName, String toolArguments,
                          String toolOutcome, String documentKind, UUID documentId, String documentNumber,
                          int tokensIn, int tokensOut, Instant createdAt) {
    }

    /** A quote or an order the agent created, with its conversation and who talked. */
    public record Document(UUID conversationId, UUID userId, String kind, UUID id, String number, Instant createdAt) {
    }

    private static final String COLUMNS = """
            id, user_id, title, tokens_in, tokens_out, cost, token_budget, pending_order::text, created_at, updated_at,
            owner_kind, owner_label""";

    private final JdbcClient jdbc;

    ConversationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Starts a conversation of a staff user or a shopper. A shopper is not a user: the row's author is then the
     * system actor (filled in by the database), and {@code user_id} names the shopper.
     */
    public void create(UUID tenant, UUID id, String ownerKind, UUID ownerId, String ownerLabel, String title,
                       int tokenBudget, Instant at) {
        UUID author = STAFF.equals(ownerKind) ? ownerId : null;
        jdbc.sql("""
                        insert into assistant_conversations (tenant_id, id, owner_kind, user_id, owner_label, title,
                          token_budget, created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?::uuid, ?, ?::uuid)""")
                .params(tenant, id, ownerKind, ownerId, ownerLabel, title, tokenBudget, Timestamp.from(at), author,
                        Timestamp.from(at), author)
                .update();
    }

    /** The conversation, whoever's it is (the caller checks the owner). */
    public Optional<Conversation> find(UUID tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from assistant_conversations where tenant_id = ? and id = ?")
                .params(tenant, id).query(ConversationStore::conversation).optional();
    }

    /** The conversation, locked until the end of the transaction (one turn at a time). */
    public Optional<Conversation> lock(UUID tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from assistant_conversations where tenant_id = ? and id = ? for update")
                .params(tenant, id).query(ConversationStore::conversation).optional();
    }

    /**
     * Conversations, most recent first: one owner's ({@code ownerKind} and {@code userId}), or everyone's, staff and
     * shoppers, when {@code userId} is null.
     */
    public List<Conversation> list(UUID tenant, String ownerKind, UUID userId, int limit) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from assistant_conversations where tenant_id = ?
                          and (?::uuid is null or (user_id = ? and owner_kind = ?))
                         order by updated_at desc, id desc limit ?""")
                .params(tenant, userId, userId, ownerKind, limit).query(ConversationStore::conversation).list();
    }

    public List<Message> messages(UUID tenant, UUID conversationId) {
        return jdbc.sql("""
                        select seq, role, content, tool_name, tool_arguments, tool_outcome, document_kind, document_id,
                               document_number, tokens_in, tokens_out, created_at
                          from assistant_messages where tenant_id = ? and conversation_id = ? order by seq""")
                .params(tenant, conversationId)
                .query((rs, i) -> new Message(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, UUID.class),
                        rs.getString(9), rs.getInt(10), rs.getInt(11), rs.getTimestamp(12).toInstant()))
                .list();
    }

    /** Appends a message after the conversation's last one. */
    public void append(UUID tenant, UUID conversationId, Message m) {
        jdbc.sql("""
                        insert into assistant_messages (tenant_id, conversation_id, seq, role, content, tool_name,
                          tool_arguments, tool_outcome, document_kind, document_id, document_number, tokens_in,
                          tokens_out, created_at)
                        select ?, ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                          from assistant_messages where tenant_id = ? and conversation_id = ?""")
                .params(tenant, conversationId, m.role(), m.content(), m.toolName(), m.toolArguments(),
                        m.toolOutcome(), m.documentKind(), m.documentId(), m.documentNumber(), m.tokensIn(),
                        m.tokensOut(), Timestamp.from(m.createdAt()), tenant, conversationId)
                .update();
    }

    /** Adds what a model call used to the conversation's counters. */
    public void addTokens(UUID tenant, UUID id, long tokensIn, long tokensOut, BigDecimal cost, Instant at) {
        jdbc.sql("""
                        update assistant_conversations set tokens_in = tokens_in + ?, tokens_out = tokens_out + ?,
                          cost = cost + ?, updated_at = ? where tenant_id = ? and id = ?""")
                .params(tokensIn, tokensOut, cost, Timestamp.from(at), tenant, id).update();
    }

    /**
     * Adds what a chat model call used to the business's counters ({@code assistant_usage}, shared with the
     * descriptions): tokens and cost only, never the description cache's hits and misses.
     */
    public void countTokens(UUID tenant, long tokensIn, long tokensOut, BigDecimal cost, Instant at) {
        jdbc.sql("""
                        insert into assistant_usage as u (tenant_id, tokens_in, tokens_out, cost, updated_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (tenant_id) do update set tokens_in = u.tokens_in + excluded.tokens_in,
                          tokens_out = u.tokens_out + excluded.tokens_out, cost = u.cost + excluded.cost,
                          updated_at = excluded.updated_at""")
                .params(tenant, tokensIn, tokensOut, cost, Timestamp.from(at)).update();
    }

    /** Sets (or with null clears) the order waiting for the user's confirmation. */
    public void pendingOrder(UUID tenant, UUID id, String json, Instant at) {
        jdbc.sql("""
                        update assistant_conversations set pending_order = ?::jsonb, updated_at = ?
                         where tenant_id = ? and id = ?""")
                .params(json, Timestamp.from(at), tenant, id).update();
    }

    /** The quotes and orders the agent created in the business, newest first. */
    public List<Document> documents(UUID tenant, int limit) {
        return jdbc.sql("""
                        select m.conversation_id, c.user_id, m.document_kind, m.document_id, m.document_number,
                               m.created_at
                          from assistant_messages m join assistant_conversations c
                            on c.tenant_id = m.tenant_id and c.id = m.conversation_id
                         where m.tenant_id = ? and m.document_id is not null
                         order by m.created_at desc limit ?""")
                .params(tenant, limit)
                .query((rs, i) -> new Document(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    private static Conversation conversation(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Conversation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6), rs.getInt(7), rs.getString(8),
                rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant(), rs.getString(11), rs.getString(12));
    }
}
