package dk.dkrw.hub.deadletter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads dead letters for operators and records how they were resolved. Writes take the template of a
 * group-commit work; a resolution only ever moves an OPEN row, so two operators cannot both resolve one.
 */
@Component
public class DeadLetterStore {

    private static final String SELECT = """
            select id, queue, route, message_key, group_id, body, dossier_id, version, case_id, event_id,
                   cause_code, cause_text, attempts, first_failure_at, last_failure_at, state, resolved_at,
                   resolved_by
            from dead_letter where 1 = 1""";

    private static final RowMapper<DeadLetter> ROW = DeadLetterStore::row;

    private final JdbcTemplate jdbc;

    public DeadLetterStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.query(SELECT + " and id = ?", ROW, id).stream().findFirst();
    }

    /** How many dead letters wait for an operator (state OPEN). */
    public long countOpen() {
        Long open = jdbc.queryForObject("select count(*) from dead_letter where state = ?", Long.class,
                DeadLetterState.OPEN.name());
        return open == null ? 0 : open;
    }

    /** Newest first, at most {@code limit}. */
    public List<DeadLetter> list(DeadLetterFilter filter, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        return jdbc.query(SELECT + where + " order by id desc fetch first " + limit + " rows only", ROW,
                args.toArray());
    }

    /** OPEN rows matching the filter with an id above {@code afterId}, oldest first, at most {@code limit}. */
    public List<DeadLetter> openAfter(DeadLetterFilter filter, long afterId, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(new DeadLetterFilter(DeadLetterState.OPEN, filter.route(), filter.cause(),
                filter.caseId()), args) + " and id > ?";
        args.add(afterId);
        return jdbc.query(SELECT + where + " order by id fetch first " + limit + " rows only", ROW,
                args.toArray());
    }

    /** Moves an OPEN row to {@code state}; returns 0 when the row is no longer OPEN. */
    public int resolve(JdbcTemplate tx, long id, DeadLetterState state, String operator, String reason,
                       Instant at) {
        return tx.update("update dead_letter set state = ?, resolved_at = ?, resolved_by = ?, "
                        + "resolution_reason = ? where id = ? and state = ?",
                state.name(), Timestamp.from(at), operator, reason, id, DeadLetterState.OPEN.name());
    }

    private static String where(DeadLetterFilter filter, List<Object> args) {
        StringBuilder where = new StringBuilder();
        condition(where, args, "state", filter.state() == null ? null : filter.state().name());
        condition(where, args, "route", filter.route());
        condition(where, args, "cause_code", filter.cause());
        condition(where, args, "case_id", filter.caseId());
        return where.toString();
    }

    private static void condition(StringBuilder where, List<Object> args, String column, String value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static DeadLetter row(ResultSet rs, int row) throws SQLException {
        return new DeadLetter(rs.getLong("id"), rs.getString("queue"), rs.getString("route"),
                rs.getString("message_key"), rs.getString("group_id"), rs.getString("body"),
                rs.getString("dossier_id"), rs.getObject("version", Integer.class),
                rs.getString("case_id"), rs.getString("event_id"), rs.getString("cause_code"),
                rs.getString("cause_text"), rs.getInt("attempts"), instant(rs, "first_failure_at"),
                instant(rs, "last_failure_at"), DeadLetterState.valueOf(rs.getString("state")),
                instant(rs, "resolved_at"), rs.getString("resolved_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
