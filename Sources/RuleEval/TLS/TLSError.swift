import COpenSSL

/// OpenSSL's error queue as text.
enum TLSError {
    /// `context: <first queued OpenSSL error>`, or just `context` when the queue is empty; clears the queue.
    static func lastMessage(_ context: String) -> String {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0 else { return context }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return "\(context): \(text)"
    }
}
