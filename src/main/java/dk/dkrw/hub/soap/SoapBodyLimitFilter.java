package dk.dkrw.hub.soap;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.signature.Sha256;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Bounds SOAP request bodies to the partner body limit ({@code hub.partner.max-json-bytes}): a declared
 * length over it fails on the first read, a streamed body at the byte that crosses it, both with the coded
 * {@code payload-too-large} refusal that {@link ProblemFaultInterceptor} answers as a 413 SOAP fault. CXF
 * streams the envelope through this limit, so an oversized message is never held whole. The bytes are
 * hashed as they pass, so that a message refused before the intake route can be audited by its SHA-256.
 */
final class SoapBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;

    SoapBodyLimitFilter(long limit) {
        this.limit = limit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(SoapIntakeConfiguration.SOAP_PATH + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Limited(request, limit), response);
    }

    /**
     * The SHA-256 of the whole request body: reads what the parser left unread (within the limit) and hashes
     * it; null when the body is over the limit or cannot be read.
     */
    static String bodySha256(HttpServletRequest request) {
        try {
            if (request.getInputStream() instanceof LimitedStream stream) {
                return stream.drainAndHash();
            }
        } catch (IOException | HubException e) {
            return null;
        }
        return null;
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit, getContentLengthLong());
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private final long declared;
        private final MessageDigest digest = Sha256.newDigest();
        private long read;

        LimitedStream(ServletInputStream in, long limit, long declared) {
            this.in = in;
            this.limit = limit;
            this.declared = declared;
        }

        @Override
        public int read() throws IOException {
            check(0);
            int b = in.read();
            if (b != -1) {
                check(1);
                digest.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check(0);
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                check(n);
                digest.update(buffer, offset, n);
            }
            return n;
        }

        String drainAndHash() throws IOException {
            byte[] buffer = new byte[16384];
            while (read(buffer, 0, buffer.length) != -1) {
                // hashing as it reads
            }
            return HexFormat.of().formatHex(digest.digest());
        }

        private void check(int justRead) {
            read += justRead;
            if (declared > limit || read > limit) {
                throw new HubException(ProblemCode.PAYLOAD_TOO_LARGE, "body exceeds the limit of " + limit + " bytes");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
