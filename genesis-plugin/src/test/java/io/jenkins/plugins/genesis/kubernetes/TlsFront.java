package io.jenkins.plugins.genesis.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * https on 127.0.0.1 in front of a plain http server on 127.0.0.1 (the fabric8 mock in CRUD mode):
 * the mock's own certificate names no address, so a client that checks host names, as Genesis does,
 * cannot reach it over https. This front presents a certificate for 127.0.0.1 made by the JDK's
 * {@code keytool}; {@link #caPem()} is that certificate, the CA a connection is given to trust.
 */
final class TlsFront implements AutoCloseable {

    private static final char[] PASSWORD = "front-store".toCharArray();

    private final ServerSocket listener;
    private final String caPem;
    private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tls-front");
        thread.setDaemon(true);
        return thread;
    });

    private TlsFront(ServerSocket listener, String caPem) {
        this.listener = listener;
        this.caPem = caPem;
    }

    /** Starts the front for the http server on 127.0.0.1 at {@code backendPort}; keys go into {@code dir}. */
    static TlsFront start(int backendPort, Path dir)
            throws IOException, GeneralSecurityException, InterruptedException {
        Path store = dir.resolve("front.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "front",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "san=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                new String(PASSWORD));
        Path pem = dir.resolve("front.pem");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "front",
                "-keystore",
                store.toString(),
                "-storepass",
                new String(PASSWORD),
                "-file",
                pem.toString());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        ServerSocket listener =
                context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        TlsFront front = new TlsFront(listener, Files.readString(pem));
        front.pumps.execute(() -> front.accept(backendPort));
        return front;
    }

    /** A fresh self-signed certificate, made as the fabric8 mock makes its own: it signed nothing a server here presents. */
    static String unrelatedCa() throws IOException {
        io.vertx.core.net.SelfSignedCertificate other = io.vertx.core.net.SelfSignedCertificate.create("localhost");
        try {
            return Files.readString(Path.of(other.certificatePath()));
        } finally {
            other.delete();
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    String caPem() {
        return caPem;
    }

    private void accept(int backendPort) {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket backend = new Socket(InetAddress.getByName("127.0.0.1"), backendPort);
                pumps.execute(() -> pump(client, backend));
                pumps.execute(() -> pump(backend, client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the other side went away
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        pumps.shutdownNow();
    }
}
