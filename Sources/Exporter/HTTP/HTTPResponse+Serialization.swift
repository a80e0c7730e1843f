extension HTTPResponse {
    /// The bytes of this response on the wire: status line, the handler's fields, `Content-Length`, `Date`,
    /// `Connection: close` when the connection ends (`Connection: keep-alive` when an HTTP/1.0 connection stays
    /// open), the blank line and the body (omitted for `HEAD`).
    func serialized(
        omittingBody: Bool, keepAlive: Bool, date: String, requestVersion: HTTPVersion = .http11
    ) -> [UInt8] {
        var head = "HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n"
        for field in headers where !HTTPResponse.serverOwnedFields.contains(where: field.name.equalsIgnoringASCIICase) {
            head += "\(field.name): \(field.value)\r\n"
        }
        if !status.forbidsBody { head += "Content-Length: \(body.count)\r\n" }
        head += "Date: \(date)\r\n"
        if !keepAlive {
            head += "Connection: close\r\n"
        } else if requestVersion.minor == 0 {
            head += "Connection: keep-alive\r\n"
        }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if !omittingBody && !status.forbidsBody { bytes += body }
        return bytes
    }

    /// Fields the server writes itself; a handler's values for them are ignored.
    private static let serverOwnedFields = ["Content-Length", "Date", "Connection", "Transfer-Encoding"]
}
