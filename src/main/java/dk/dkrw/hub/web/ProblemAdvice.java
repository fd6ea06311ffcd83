package dk.dkrw.hub.web;

import dk.dkrw.hub.problem.HubException;
import dk.dkrw.hub.problem.ProblemCode;
import dk.dkrw.hub.problem.SafeFailure;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.CamelExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.UUID;

/** Turns every failure of a controller into problem+json with a contract code; nothing else leaks out. */
@RestControllerAdvice
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final ProblemWriter problems;

    public ProblemAdvice(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(HubException.class)
    ResponseEntity<ProblemDetail> coded(HubException failure, HttpServletRequest request) {
        return respond(failure, request);
    }

    @ExceptionHandler(CamelExecutionException.class)
    ResponseEntity<ProblemDetail> fromRoute(CamelExecutionException failure, HttpServletRequest request) {
        Throwable cause = failure.getCause();
        while (cause != null && !(cause instanceof HubException)) {
            cause = cause.getCause();
        }
        if (cause instanceof HubException coded) {
            return respond(coded, request);
        }
        return unexpected(failure, request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpServletRequest request) {
        return respond(new HubException(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "content type not accepted here"),
                request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpServletRequest request) {
        return respond(new HubException(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "requested media type not offered"),
                request);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> unreadable(HttpServletRequest request) {
        return respond(new HubException(ProblemCode.MALFORMED_BODY, "request could not be read"), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpServletRequest request) {
        return respond(new HubException(ProblemCode.METHOD_NOT_ALLOWED, "method not allowed on this resource"),
                request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(HttpServletRequest request) {
        return respond(new HubException(ProblemCode.NOT_FOUND, "no such resource"), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure, HttpServletRequest request) {
        String errorId = UUID.randomUUID().toString();
        log.error("internal error {} on {} {}: {}", errorId, request.getMethod(), request.getRequestURI(),
                SafeFailure.describe(failure));
        return respond(new HubException(ProblemCode.INTERNAL_ERROR, "internal error " + errorId), request);
    }

    private ResponseEntity<ProblemDetail> respond(HubException failure, HttpServletRequest request) {
        ProblemDetail body = problems.problem(failure, request.getRequestURI());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(body.getStatus())
                .contentType(ProblemWriter.PROBLEM_JSON);
        if (failure instanceof ProblemWriter.RetryAfter retry) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(retry.retryAfterSeconds()));
        }
        return response.body(body);
    }
}
