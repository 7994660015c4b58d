package dev.marquee.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Requests too large for the edge get a problem+json answer that says which limit, before any credential check:
 * written and read as raw bytes, since HTTP clients shorten or refuse such requests themselves.
 */
@QuarkusTest
class RequestLimitsTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void aDeclaredBodyOverTheLimitIs413ProblemJsonBeforeAnyCredentialCheck() throws IOException {
        String answer = exchange("POST /v1/apps/app_1/campaigns HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (256 * 1024 + 1) + "\r\n\r\n");
        assertProblem(answer, 413, "exceeds 262144 bytes");
    }

    @Test
    void aStaticSegmentUploadMayBeLargerThanAJsonBody() throws IOException {
        String answer = exchange("POST /v1/apps/app_1/segments/seg_1/members HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: text/csv\r\nContent-Length: 1000000\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 401"), "past the size check, on to the credential: " + answer);
        String overUpload = exchange("POST /v1/apps/app_1/segments/seg_1/members HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: text/csv\r\nContent-Length: " + (200L * 1024 * 1024 + 1) + "\r\n\r\n");
        assertProblem(overUpload, 413, "exceeds 209715200 bytes");
    }

    @Test
    void aLongRequestTargetIs414ProblemJson() throws IOException {
        String answer = exchange("GET /v1/sdk/messages?userId=" + "u".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertProblem(answer, 414, "at most 4096");
    }

    @Test
    void largeHeadersAre431ProblemJson() throws IOException {
        String answer = exchange("GET /v1/sdk/messages HTTP/1.1\r\nHost: x\r\nX-Padding: " + "p".repeat(20_000)
                + "\r\n\r\n");
        assertProblem(answer, 431, "at most 16384");
    }

    @Test
    void aLengthThatIsNoNumberIsRefused() throws IOException {
        String answer = exchange("POST /v1/sdk/events HTTP/1.1\r\nHost: x\r\nContent-Length: lots\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 4"), "a client error, never a 5xx: " + answer);
    }

    private static void assertProblem(String answer, int status, String detail) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("\"status\":" + status), answer);
        assertTrue(answer.contains(detail), answer);
    }

    /** Sends the head as it is and reads the answer until the gateway closes the connection. */
    private String exchange(String head) throws IOException {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) > 0) {
                answer.write(buffer, 0, read);
                if (complete(answer.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** The head and as many body bytes as its Content-Length says. */
    private static boolean complete(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String line : answer.substring(0, end).split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return answer.length() - end - 4 >= Integer.parseInt(line.substring(15).strip());
            }
        }
        return false;
    }
}
