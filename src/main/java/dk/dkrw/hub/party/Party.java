package dk.dkrw.hub.party;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;

import java.util.Set;

/**
 * A registered partner system. {@code authority} is the Danish source authority code a dossier signed by this
 * party must carry (agencies only).
 */
public record Party(String id, String kind, String authority, Set<Permission> permissions,
                    RateLimit rateLimit) {

    public Party {
        permissions = Set.copyOf(permissions);
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    public void require(Permission permission) {
        if (!may(permission)) {
            throw new HubException(ProblemCode.FORBIDDEN,
                    "party " + id + " is not allowed " + permission.name().toLowerCase().replace('_', ' '));
        }
    }

    /** Requests a party may make per second (a fixed one-second window). */
    public record RateLimit(int permitsPerSecond) {
        public static final RateLimit DEFAULT = new RateLimit(5000);
    }
}
