/// Standard base64 with padding (RFC 4648 §4), for `basic_auth` credentials.
enum Base64 {
    private static let alphabet = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".unicodeScalars)

    /// The encoding of `bytes`.
    static func encode(_ bytes: some Collection<UInt8>) -> String {
        var result = String.UnicodeScalarView()
        let input = Array(bytes)
        var index = 0
        while index < input.count {
            let count = min(3, input.count - index)
            var group = UInt32(0)
            for offset in 0..<3 {
                group = group << 8 | UInt32(offset < count ? input[index + offset] : 0)
            }
            for position in 0..<4 {
                let sextet = Int(group >> UInt32(18 - 6 * position) & 0x3F)
                result.append(position <= count ? alphabet[sextet] : "=")
            }
            index += 3
        }
        return String(result)
    }
}
