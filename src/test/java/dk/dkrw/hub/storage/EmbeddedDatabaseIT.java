package dk.dkrw.hub.storage;

import dk.dkrw.hub.support.HubIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded H2 as the hub runs it. Its file stays bounded only while H2's background writer runs (it moves
 * the live pages out of half-empty chunks); {@code WRITE_DELAY=0} switches that writer off, and the file then
 * grew by about 230 KB per 10 KB dossier (bench/README.md). Durability comes from the group committer's
 * checkpoint instead, which the kill -9 tests prove.
 */
class EmbeddedDatabaseIT extends HubIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void keepsH2sBackgroundWriterSoTheFileIsCompactedWhileTheHubRuns() {
        List<Integer> delays = jdbc.queryForList("select cast(setting_value as int) from information_schema.settings "
                + "where setting_name = 'WRITE_DELAY'", Integer.class);

        assertThat(delays).as("H2's write delay").isNotEmpty().allSatisfy(delay -> assertThat(delay).isPositive());
    }
}
