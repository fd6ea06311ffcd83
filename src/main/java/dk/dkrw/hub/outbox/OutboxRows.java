package dk.dkrw.hub.outbox;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * SQL of the outbox relay. {@code claim} locks the oldest rows and skips rows another hub instance holds, so
 * several instances relay side by side without sending a row twice at the same time.
 */
final class OutboxRows {

    private OutboxRows() {
    }

    record Row(long id, String destination, String key, String groupId, String body, String correlationId) {
    }

    /** Must run inside a transaction; the locks last until it ends. */
    static List<Row> claim(JdbcTemplate jdbc, int batchSize) {
        return jdbc.query("select id, destination, message_key, group_id, body, correlation_id from outbox order by id "
                        + "fetch first " + batchSize + " rows only for update skip locked",
                (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
    }

    static void delete(JdbcTemplate jdbc, List<Row> rows) {
        jdbc.batchUpdate("delete from outbox where id = ?", rows.stream().map(r -> new Object[] {r.id()}).toList());
    }
}
