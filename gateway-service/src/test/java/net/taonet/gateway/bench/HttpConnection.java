package net.taonet.gateway.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One kept-alive HTTP/1.1 connection that sends a fixed GET and reads whole answers (Content-Length or
 * chunked). Deliberately lean, so the load generator spends as little of the machine's CPU as it can and
 * the services under test get the rest.
 */
final class HttpConnection implements AutoCloseable {

    private final String host;
    private final int port;
    private final byte[] request;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] line = new byte[8192];

    HttpConnection(URI base, String path) {
        this.host = base.getHost();
        this.port = base.getPort() < 0 ? 80 : base.getPort();
        this.request = ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nAccept: application/json\r\nUser-Agent: taonet-bench\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends the GET and reads the answer; returns its status, reconnecting once if the server closed. */
    int get() throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                if (socket == null) {
                    connect();
                }
                out.write(request);
                out.flush();
                return readResponse();
            } catch (IOException e) {
                close();
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(15_000);
        in = new BufferedInputStream(socket.getInputStream(), 16_384);
        out = socket.getOutputStream();
    }

    private int readResponse() throws IOException {
        String status = readLine();
        if (status == null || status.length() < 12) {
            throw new IOException("connection closed before a status line");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        String header;
        while ((header = readLine()) != null && !header.isEmpty()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                close = true;
            }
        }
        if (chunked) {
            while (true) {
                String size = readLine();
                int semicolon = size.indexOf(';');
                long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (n == 0) {
                    while (!readLine().isEmpty()) {
                        // trailers
                    }
                    break;
                }
                skip(n);
                readLine();
            }
        } else if (length > 0) {
            skip(length);
        }
        if (close) {
            close();
        }
        return code;
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed inside a body");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }

    private String readLine() throws IOException {
        int n = 0;
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int end = n > 0 && line[n - 1] == '\r' ? n - 1 : n;
                return new String(line, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (n < line.length) {
                line[n++] = (byte) b;
            }
        }
        if (n == 0) {
            return null;
        }
        throw new IOException("connection closed inside a line");
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
    }
}
