/// `email_configs` entry, with the `global.smtp_*` defaults applied at load time as Alertmanager's `config.Load`
/// applies them.
///
/// Tocsin speaks SMTP over plain TCP only: there is no STARTTLS and no implicit TLS, so `require_tls: true`
/// (Alertmanager's default through `smtp_require_tls`) is rejected when the file is loaded, and authentication
/// (`AUTH PLAIN`/`AUTH LOGIN`) sends the credentials unencrypted. `to`, `from`, `headers`, `html` and `text` are
/// notification templates; when `html` and `text` are both absent the body is Tocsin's plain-text rendering of Alertmanager's
/// default email (see ``EmailMessage``).
public struct EmailConfiguration: Sendable, Hashable {
    /// `send_resolved` (false).
    public var sendResolved = false
    /// `to`: the recipients, comma-separated as Alertmanager accepts them.
    public var to: String
    /// `from` (falls back to `global.smtp_from`).
    public var from: String
    /// `smarthost`: `host:port` (falls back to `global.smtp_smarthost`).
    public var smarthost: String
    /// `hello` (falls back to `global.smtp_hello`, `localhost`).
    public var hello = "localhost"
    /// `auth_username` (falls back to `global.smtp_auth_username`); empty means no authentication.
    public var authUsername = ""
    /// `auth_password` (falls back to `global.smtp_auth_password`).
    public var authPassword = ""
    /// `auth_password_file` (falls back to `global.smtp_auth_password_file`): a file holding the password, read
    /// for every delivery attempt.
    public var authPasswordFile: String?
    /// `auth_identity` (falls back to `global.smtp_auth_identity`), the PLAIN authorization identity.
    public var authIdentity = ""
    /// `headers`; `Subject`, `To` and `From` default to Alertmanager's values when absent.
    public var headers: [String: String] = [:]
    /// `html`, used as written; `nil` when not configured.
    public var html: String?
    /// `text`, used as written; `nil` when not configured.
    public var text: String?

    /// Creates an email integration.
    public init(to: String, from: String, smarthost: String, sendResolved: Bool = false) {
        self.to = to
        self.from = from
        self.smarthost = smarthost
        self.sendResolved = sendResolved
    }
}
