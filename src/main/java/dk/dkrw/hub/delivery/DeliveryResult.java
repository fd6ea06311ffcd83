package dk.dkrw.hub.delivery;

/**
 * A status update the Danish endpoint acknowledged. Failures are not results: they are thrown as
 * {@link RetryableDeliveryException} or {@link PermanentDeliveryException}.
 */
public record DeliveryResult(String statusUpdateId, Outcome outcome) {

    public enum Outcome {
        /** Accepted now. */
        ACCEPTED,
        /** The Danish side had it already (a redelivery after a lost ack): delivered all the same. */
        DUPLICATE
    }

    public boolean duplicate() {
        return outcome == Outcome.DUPLICATE;
    }
}
