package dk.dkrw.hub.ops;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a dossier's trace: the dossier and its versions, its case's events, and its audit entries. */
@Component
public class TraceStore {

    /** Bounds the answer; a dossier with more steps than this is marked truncated (oldest steps kept). */
    static final int MAX_STEPS = 2000;

    private final JdbcTemplate jdbc;

    public TraceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the hub has never seen the dossier (not even a rejected submission of it). */
    public Optional<DossierTrace> trace(String dossierId) {
        List<Map<String, Object>> dossier = jdbc.queryForList("select d.case_id, d.party_id, d.latest_version, "
                + "c.lifecycle_state from dossier d left join case_record c on c.case_id = d.case_id "
                + "where d.dossier_id = ?", dossierId);
        String caseId = dossier.isEmpty() ? null : (String) value(dossier.get(0), "case_id");
        List<DossierTrace.Step> steps = steps(dossierId, caseId);
        if (dossier.isEmpty() && steps.isEmpty()) {
            return Optional.empty();
        }
        boolean truncated = steps.size() > MAX_STEPS;
        List<DossierTrace.Step> shown = truncated ? steps.subList(0, MAX_STEPS) : steps;
        if (dossier.isEmpty()) {
            return Optional.of(new DossierTrace(dossierId, null, null, null, null, List.of(), List.of(), shown,
                    truncated));
        }
        Map<String, Object> row = dossier.get(0);
        return Optional.of(new DossierTrace(dossierId, caseId, (String) value(row, "party_id"),
                ((Number) value(row, "latest_version")).intValue(), (String) value(row, "lifecycle_state"),
                versions(dossierId), events(caseId), shown, truncated));
    }

    private List<DossierTrace.Version> versions(String dossierId) {
        return jdbc.query("select version, channel, body_sha256, received_at, status, status_at from "
                        + "dossier_version where dossier_id = ? order by version",
                (rs, n) -> new DossierTrace.Version(rs.getInt(1), rs.getString(2), rs.getString(3),
                        text(rs.getTimestamp(4)), rs.getString(5), text(rs.getTimestamp(6))), dossierId);
    }

    private List<DossierTrace.Event> events(String caseId) {
        return jdbc.query("select event_id, sequence, type, received_at, delivery_state, attempts, next_attempt_at, "
                        + "delivered_at from case_event where case_id = ? order by sequence",
                (rs, n) -> new DossierTrace.Event(rs.getString(1), rs.getInt(2), rs.getString(3),
                        text(rs.getTimestamp(4)), rs.getString(5), rs.getInt(6), text(rs.getTimestamp(7)),
                        text(rs.getTimestamp(8))), caseId);
    }

    private List<DossierTrace.Step> steps(String dossierId, String caseId) {
        String sql = "select seq, at, kind, party_id, version, case_id, event_id, subject_sha256, cause, detail "
                + "from audit_entry where dossier_id = ?" + (caseId == null ? "" : " or case_id = ?")
                + " order by seq";
        Object[] args = caseId == null ? new Object[] {dossierId} : new Object[] {dossierId, caseId};
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql);
            statement.setMaxRows(MAX_STEPS + 1);
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        }, (rs, n) -> step(rs));
    }

    private static DossierTrace.Step step(ResultSet rs) throws SQLException {
        return new DossierTrace.Step(rs.getLong(1), text(rs.getTimestamp(2)), rs.getString(3), rs.getString(4),
                rs.getObject(5) == null ? null : rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10));
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
    }

    private static String text(Timestamp at) {
        return at == null ? null : at.toInstant().toString();
    }
}
