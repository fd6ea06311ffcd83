package dk.dkrw.hub.delivery;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the Danish endpoint's whole answer, up to a bound, before anything parses it, and closes the stream at
 * its end. Two reasons: an HTTP connection goes back to the pool only when its answer has been read to the end
 * (the XML parser stops at the closing tag and, with a chunked answer, leaves the final chunk unread, so the
 * connection was closed and the next call paid a new TLS handshake: one call in seven before this reader); and an
 * acknowledgement is a few hundred bytes, so an answer larger than the bound is refused rather than buffered.
 */
final class WholeAnswerReader extends AbstractPhaseInterceptor<Message> {

    /** Far above any acknowledgement or fault; the bound only stops an endless or hostile answer. */
    static final int MAX_ANSWER_BYTES = 256 * 1024;

    WholeAnswerReader() {
        super(Phase.RECEIVE);
    }

    /** An answer over {@link #MAX_ANSWER_BYTES}: whatever it is, it is no acknowledgement. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("the answer is larger than " + MAX_ANSWER_BYTES + " bytes");
        }
    }

    @Override
    public void handleMessage(Message message) {
        InputStream answer = message.getContent(InputStream.class);
        if (answer == null || answer instanceof ByteArrayInputStream) {
            return;
        }
        try (answer) {
            byte[] body = answer.readNBytes(MAX_ANSWER_BYTES);
            if (answer.read() != -1) {
                throw new Fault(new TooLarge());
            }
            message.setContent(InputStream.class, new ByteArrayInputStream(body));
        } catch (IOException e) {
            throw new Fault(e);
        }
    }
}
