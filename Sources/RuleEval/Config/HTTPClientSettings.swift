/// `basic_auth` of a scrape or Alertmanager configuration.
public struct BasicAuthentication: Sendable, Hashable {
    /// The user name, if given inline.
    public var username: String
    /// A file holding the user name (resolved against the configuration file's directory).
    public var usernameFile: String
    /// The password, if given inline.
    public var password: String
    /// A file holding the password (resolved against the configuration file's directory).
    public var passwordFile: String

    /// Creates basic authentication settings.
    public init(username: String = "", usernameFile: String = "", password: String = "", passwordFile: String = "") {
        self.username = username
        self.usernameFile = usernameFile
        self.password = password
        self.passwordFile = passwordFile
    }
}

/// `authorization` of a scrape or Alertmanager configuration: an `Authorization: <type> <credentials>` header.
public struct Authorization: Sendable, Hashable {
    /// The scheme; default `Bearer`.
    public var type: String
    /// The credentials, if given inline.
    public var credentials: String
    /// A file holding the credentials (resolved against the configuration file's directory).
    public var credentialsFile: String

    /// Creates authorization settings.
    public init(type: String = "Bearer", credentials: String = "", credentialsFile: String = "") {
        self.type = type
        self.credentials = credentials
        self.credentialsFile = credentialsFile
    }
}

/// The HTTP client settings Tocsin supports (Prometheus's `HTTPClientConfig` is inlined in scrape and
/// Alertmanager configurations).
struct HTTPClientSettings: Sendable, Hashable {
    var basicAuth: BasicAuthentication?
    var authorization: Authorization?
    var tlsConfig = TLSConfiguration()

    /// The inlined fields Tocsin reads.
    static let fields: Set<String> = ["basic_auth", "authorization", "tls_config"]

    /// The inlined fields Prometheus has and Tocsin does not.
    static let unsupportedFields: Set<String> = [
        "oauth2", "bearer_token", "bearer_token_file", "proxy_url", "no_proxy",
        "proxy_from_environment", "proxy_connect_header", "follow_redirects", "enable_http2", "http_headers",
    ]

    /// Reads and validates the settings as `HTTPClientConfig.Validate` does.
    static func decode(_ fields: YAMLFields, with decoder: YAMLDecoder, directory: String) throws(YAMLError)
        -> HTTPClientSettings
    {
        var settings = HTTPClientSettings()
        if let node = fields["basic_auth"] {
            let auth = try decoder.fields(
                of: node, type: "config.BasicAuth", known: ["username", "username_file", "password", "password_file"],
                unsupported: ["username_ref", "password_ref"])
            var basic = BasicAuthentication()
            if let value = auth["username"] { basic.username = try decoder.string(value) }
            if let value = auth["username_file"] {
                basic.usernameFile = joinDirectory(directory, try decoder.string(value))
            }
            if let value = auth["password"] { basic.password = try decoder.string(value) }
            if let value = auth["password_file"] {
                basic.passwordFile = joinDirectory(directory, try decoder.string(value))
            }
            if !basic.username.isEmpty && !basic.usernameFile.isEmpty {
                throw decoder.error(
                    "at most one of basic_auth username, username_file & username_ref must be configured",
                    at: node.position)
            }
            if !basic.password.isEmpty && !basic.passwordFile.isEmpty {
                throw decoder.error(
                    "at most one of basic_auth password, password_file & password_ref must be configured",
                    at: node.position)
            }
            settings.basicAuth = basic
        }
        if let node = fields["authorization"] {
            let auth = try decoder.fields(
                of: node, type: "config.Authorization", known: ["type", "credentials", "credentials_file"],
                unsupported: ["credentials_ref"])
            var authorization = Authorization()
            if let value = auth["type"] { authorization.type = try decoder.string(value) }
            if let value = auth["credentials"] { authorization.credentials = try decoder.string(value) }
            if let value = auth["credentials_file"] {
                authorization.credentialsFile = joinDirectory(directory, try decoder.string(value))
            }
            if !authorization.credentials.isEmpty && !authorization.credentialsFile.isEmpty {
                throw decoder.error(
                    "at most one of authorization credentials & credentials_file must be configured",
                    at: node.position)
            }
            authorization.type = authorization.type.trimmingASCIIWhitespace()
            if authorization.type.isEmpty { authorization.type = "Bearer" }
            if authorization.type.lowercased() == "basic" {
                throw decoder.error(
                    "authorization type cannot be set to \"basic\", use \"basic_auth\" instead", at: node.position)
            }
            if settings.basicAuth != nil {
                throw decoder.error(
                    "at most one of basic_auth, oauth2 & authorization must be configured", at: node.position)
            }
            settings.authorization = authorization
        }
        if let node = fields["tls_config"] {
            settings.tlsConfig = try TLSConfiguration.decode(node, with: decoder, directory: directory)
        }
        return settings
    }
}

extension String {
    /// The string without leading and trailing ASCII whitespace (Go's `strings.TrimSpace` for ASCII input).
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}

/// Joins a relative `path` to `directory` and cleans it as Go's `config.JoinDir` does; empty and absolute paths
/// are returned unchanged.
func joinDirectory(_ directory: String, _ path: String) -> String {
    if path.isEmpty || path.hasPrefix("/") || directory.isEmpty { return path }
    return cleanPath(directory + "/" + path)
}

/// Go's `filepath.Clean`: collapses `//`, `.` and `..` segments.
func cleanPath(_ path: String) -> String {
    let absolute = path.hasPrefix("/")
    var segments: [Substring] = []
    for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
        switch segment {
        case ".": continue
        case "..":
            if let last = segments.last, last != ".." {
                segments.removeLast()
            } else if !absolute {
                segments.append(segment)
            }
        default: segments.append(segment)
        }
    }
    let joined = segments.joined(separator: "/")
    if absolute { return "/" + joined }
    return joined.isEmpty ? "." : joined
}
