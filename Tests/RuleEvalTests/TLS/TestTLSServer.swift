import Foundation
import TestSupport

/// An HTTPS server on 127.0.0.1 for tests: a certificate for `localhost` and `127.0.0.1`, self-signed (so it is
/// its own CA file) and made by the `openssl` command, served by Python's `ssl` module. It answers every request
/// `200 ok` (a body ended by closing the connection, without close_notify, for a path containing
/// `/close-delimited`) and records each request line and body; it exits by itself after a minute and is stopped by PID.
final class TestTLSServer {
    let directory: URL
    let port: Int
    private let process: BackgroundProcess

    /// The self-signed certificate, to use as `ca_file`.
    var caFile: String { directory.appendingPathComponent("cert.pem").path }

    /// `https://127.0.0.1:<port>`.
    var url: String { "https://127.0.0.1:\(port)" }

    /// Every request received: its request line, a newline, its body.
    var requests: [String] {
        let text = (try? String(contentsOf: directory.appendingPathComponent("requests.log"), encoding: .utf8)) ?? ""
        return text.components(separatedBy: "\u{1e}").filter { !$0.isEmpty }
    }

    /// The client certificate and key the server requires when started with `requiringClientCertificate`.
    var clientCertFile: String { directory.appendingPathComponent("client.pem").path }
    var clientKeyFile: String { directory.appendingPathComponent("client-key.pem").path }

    /// Starts the server; with `requiringClientCertificate` it refuses clients without ``clientCertFile``.
    init(requiringClientCertificate: Bool = false) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tocsin-tls-\(UUID().uuidString)")
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = { (name: String) in directory.appendingPathComponent(name).path }
        try Self.makeCertificate(name: "localhost", certificate: path("cert.pem"), key: path("key.pem"))
        var arguments = ["-c", Self.script, path("cert.pem"), path("key.pem")]
        if requiringClientCertificate {
            try Self.makeCertificate(name: "client", certificate: path("client.pem"), key: path("client-key.pem"))
            arguments.append(path("client.pem"))
        } else {
            arguments.append("")
        }
        port = FreePort.next()
        process = try BackgroundProcess("/usr/bin/python3", arguments + [String(port), path("requests.log")])
        let deadline = Date().addingTimeInterval(10)
        while !process.log.contains("ready") {
            guard Date() < deadline, process.isRunning else { throw ServerError.failed(process.log) }
            usleep(20_000)
        }
    }

    func stop() {
        process.stop(grace: 2)
        try? FileManager.default.removeItem(at: directory)
    }

    enum ServerError: Error { case failed(String) }

    /// A self-signed certificate for `name`, valid for `localhost` and `127.0.0.1`.
    private static func makeCertificate(name: String, certificate: String, key: String) throws {
        let generated = try ProcessRunner.run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=\(name)",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", certificate,
            ], timeout: 30)
        guard generated.status == 0 else { throw ServerError.failed("openssl req: \(generated.standardError)") }
    }

    private static let script = """
        import socket, ssl, sys
        cert, key, client_ca, port, log = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        if client_ca:
            context.verify_mode = ssl.CERT_REQUIRED
            context.load_verify_locations(client_ca)
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", port))
        listener.listen(16)
        listener.settimeout(60)
        print("ready", flush=True)
        while True:
            try:
                raw, _ = listener.accept()
            except socket.timeout:
                break
            try:
                raw.settimeout(5)
                conn = context.wrap_socket(raw, server_side=True)
                data = b""
                while b"\\r\\n\\r\\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                head, _, body = data.partition(b"\\r\\n\\r\\n")
                length = 0
                for line in head.split(b"\\r\\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                while len(body) < length:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    body += chunk
                with open(log, "ab") as out:
                    out.write(head.split(b"\\r\\n")[0] + b"\\n" + body + b"\\x1e")
                if b"/close-delimited" in head.split(b"\\r\\n")[0]:
                    conn.sendall(b"HTTP/1.1 200 OK\\r\\nConnection: close\\r\\n\\r\\nuntil the end")
                else:
                    conn.sendall(b"HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\nConnection: close\\r\\n\\r\\nok")
                conn.close()
            except Exception as error:
                print("connection failed:", error, flush=True)
                raw.close()
        """
}
