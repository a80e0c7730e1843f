import Exporter
import PromText

/// The `Authorization` header value a scrape or Alertmanager configuration asks for (`basic_auth` or
/// `authorization`), with credential files read at request time, as Prometheus re-reads them for every request.
enum CredentialHeader {
    /// A credential file that could not be read.
    struct ReadError: Error, Sendable, Hashable {
        /// `unable to read secret file PATH: reason`.
        var message: String
    }

    /// The header value, or `nil` when neither setting is configured.
    static func value(basicAuth: BasicAuthentication?, authorization: Authorization?) throws(ReadError) -> String? {
        if let basic = basicAuth {
            let username = try secret(basic.username, file: basic.usernameFile)
            let password = try secret(basic.password, file: basic.passwordFile)
            return "Basic " + Base64.encode(Array("\(username):\(password)".utf8))
        }
        if let authorization {
            return "\(authorization.type) \(try secret(authorization.credentials, file: authorization.credentialsFile))"
        }
        return nil
    }

    /// The inline value, or the trimmed content of `file` when one is configured.
    private static func secret(_ value: String, file: String) throws(ReadError) -> String {
        guard !file.isEmpty else { return value }
        do {
            return String(decoding: try readFile(atPath: file), as: UTF8.self).trimmingASCIIWhitespace()
        } catch {
            throw ReadError(message: "unable to read secret file \(file): \(error.message)")
        }
    }
}
