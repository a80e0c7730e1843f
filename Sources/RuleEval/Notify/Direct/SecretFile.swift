/// A secret kept in a file (`url_file`, `api_url_file`, `routing_key_file`, `auth_password_file`), read for every
/// delivery attempt so a rotated secret is used without a reload, and trimmed of surrounding white space as
/// Alertmanager's `strings.TrimSpace` does.
enum SecretFile {
    /// The secret in the file at `path`; throws `could not read <path>: <reason>`.
    static func read(_ path: String) throws(SecretFileError) -> String {
        do {
            return AlertmanagerTemplateFunctions.trimmingSpace(
                String(decoding: try readFile(atPath: path), as: UTF8.self))
        } catch {
            throw SecretFileError(message: "could not read \(path): \(error.message)")
        }
    }
}

/// A secret file that could not be read; the delivery attempt fails and is retried.
struct SecretFileError: Error {
    /// `could not read <path>: <reason>`.
    var message: String
}
