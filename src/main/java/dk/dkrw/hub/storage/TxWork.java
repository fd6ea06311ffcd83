package dk.dkrw.hub.storage;

/** A unit of durable work; it runs on the committer's thread inside a savepoint of a shared transaction. */
@FunctionalInterface
public interface TxWork<T> {
    T run(Tx tx) throws Exception;
}
