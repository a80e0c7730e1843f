import Glibc

/// A blocking TCP listener on 127.0.0.1 with an ephemeral port, for peers that script their answers byte by byte
/// (the benchmark's receiver, the tests' SMTP and flaky HTTP receivers) rather than serve through ``HTTPServer``.
public enum LoopbackListener {
    /// Opens the listener; returns its descriptor (blocking `accept`) and port.
    public static func open(backlog: Int32 = 16) throws(HTTPServerError) -> (descriptor: Int32, port: Int) {
        let (descriptor, port) = try Socket.listen(host: "127.0.0.1", port: 0, backlog: backlog)
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return (descriptor, port)
    }
}
