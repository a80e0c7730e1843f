/// One notification waiting for delivery, as written to the outbox before the first attempt: everything needed
/// to deliver it again after a restart, and to record it in the notification log once delivered.
struct OutboxEntry: Sendable, Hashable {
    /// The file name stem: the creation time (zero-padded, so names sort by age), a sequence number and the key.
    var id: String
    /// The receiver's name.
    var receiver: String
    /// The integration of the receiver that delivers it.
    var integration: Notification.Integration
    /// ``Notification/idempotencyKey``: sent as `Idempotency-Key` (HTTP) or in the `Message-Id` (email).
    var idempotencyKey: String
    /// The URL to POST to; empty for email.
    var url: String
    /// A file holding the URL, read for every attempt instead of ``url`` (`url_file`, `api_url_file`).
    var urlFile: String?
    /// A file holding the PagerDuty routing key, read for every attempt into the payload's `routing_key`.
    var routingKeyFile: String?
    /// The request body (JSON) or the email message.
    var payload: [UInt8]
    /// The notification-log record written once delivered.
    var groupKey: String
    var firing: Set<LabelSetFingerprint>, resolved: Set<LabelSetFingerprint>
    var repeatInterval: Int64
    /// When the notification was flushed (milliseconds since the epoch).
    var createdAt: Int64

    /// Which delivery worker sends it: one per receiver integration.
    var destination: String { receiver + "/" + integration.description }

    /// The JSON document stored in the outbox file.
    var encoded: [UInt8] {
        let secretFiles = [("urlFile", urlFile), ("routingKeyFile", routingKeyFile)].compactMap { name, path in
            path.map { (name, JSONValue.string($0)) }
        }
        return JSONValue.object(
            [
                ("id", .string(id)), ("receiver", .string(receiver)),
                ("integration", .string(integration.kind.rawValue)), ("index", .number(Double(integration.index))),
                ("idempotencyKey", .string(idempotencyKey)), ("url", .string(url)),
                ("payload", .string(String(decoding: payload, as: UTF8.self))), ("groupKey", .string(groupKey)),
                ("firing", .array(firing.sorted().map { .string($0.description) })),
                ("resolved", .array(resolved.sorted().map { .string($0.description) })),
                ("repeatInterval", .number(Double(repeatInterval))), ("createdAt", .number(Double(createdAt))),
            ] + secretFiles
        ).encoded
    }

    /// Decodes a stored entry; `nil` when the document is not one (a torn or foreign file).
    init?(decoding bytes: [UInt8]) {
        guard let document = try? JSONParser.parse(bytes), let id = document["id"]?.stringValue,
            let receiver = document["receiver"]?.stringValue,
            let kind = document["integration"]?.stringValue.flatMap(Notification.Integration.Kind.init(rawValue:)),
            let index = Self.integer(document["index"]), let key = document["idempotencyKey"]?.stringValue,
            let url = document["url"]?.stringValue, let payload = document["payload"]?.stringValue,
            let groupKey = document["groupKey"]?.stringValue, let firing = Self.fingerprints(document["firing"]),
            let resolved = Self.fingerprints(document["resolved"]),
            let repeatInterval = Self.integer(document["repeatInterval"]),
            let createdAt = Self.integer(document["createdAt"])
        else { return nil }
        self.init(
            id: id, receiver: receiver, integration: Notification.Integration(kind: kind, index: Int(index)),
            idempotencyKey: key, url: url, payload: Array(payload.utf8), groupKey: groupKey, firing: firing,
            resolved: resolved, repeatInterval: repeatInterval, createdAt: createdAt)
        self.urlFile = document["urlFile"]?.stringValue
        self.routingKeyFile = document["routingKeyFile"]?.stringValue
    }

    init(
        id: String, receiver: String, integration: Notification.Integration, idempotencyKey: String, url: String,
        payload: [UInt8], groupKey: String, firing: Set<LabelSetFingerprint>, resolved: Set<LabelSetFingerprint>,
        repeatInterval: Int64, createdAt: Int64
    ) {
        self.id = id
        self.receiver = receiver
        self.integration = integration
        self.idempotencyKey = idempotencyKey
        self.url = url
        self.payload = payload
        self.groupKey = groupKey
        self.firing = firing
        self.resolved = resolved
        self.repeatInterval = repeatInterval
        self.createdAt = createdAt
    }

    /// A JSON number that is an exact 53-bit integer (`nil` otherwise).
    static func integer(_ value: JSONValue?) -> Int64? {
        guard case .number(let number)? = value, abs(number) <= 0x1p53 else { return nil }
        return Int64(exactly: number)
    }

    /// A JSON array of 16-hex-digit fingerprints.
    static func fingerprints(_ value: JSONValue?) -> Set<LabelSetFingerprint>? {
        guard case .array(let items)? = value else { return nil }
        var result = Set<LabelSetFingerprint>()
        for item in items {
            guard let text = item.stringValue, let raw = UInt64(text, radix: 16) else { return nil }
            result.insert(LabelSetFingerprint(value: raw))
        }
        return result
    }
}
