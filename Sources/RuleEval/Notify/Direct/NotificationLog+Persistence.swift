extension NotificationLog {
    /// The log as a JSON document, for `<storage.path>/notification-log.json`.
    var encoded: [UInt8] {
        let items = entries.sorted { ($0.key.groupKey, $0.key.receiver) < ($1.key.groupKey, $1.key.receiver) }
        return JSONValue.array(
            items.map { key, entry in
                .object([
                    ("groupKey", .string(key.groupKey)), ("receiver", .string(key.receiver)),
                    ("integration", .string(key.integration.kind.rawValue)),
                    ("index", .number(Double(key.integration.index))),
                    ("firing", .array(entry.firing.sorted().map { .string($0.description) })),
                    ("resolved", .array(entry.resolved.sorted().map { .string($0.description) })),
                    ("timestamp", .number(Double(entry.timestamp))), ("expiresAt", .number(Double(entry.expiresAt))),
                ])
            }
        ).encoded
    }

    /// Restores the entries of a document written by ``encoded``; `nil` when it is not one.
    init?(decoding bytes: [UInt8]) {
        guard case .array(let items)? = try? JSONParser.parse(bytes) else { return nil }
        self.init()
        for item in items {
            guard let groupKey = item["groupKey"]?.stringValue, let receiver = item["receiver"]?.stringValue,
                let kind = item["integration"]?.stringValue.flatMap(Notification.Integration.Kind.init(rawValue:)),
                let index = OutboxEntry.integer(item["index"]),
                let firing = OutboxEntry.fingerprints(item["firing"]),
                let resolved = OutboxEntry.fingerprints(item["resolved"]),
                let timestamp = OutboxEntry.integer(item["timestamp"]),
                let expiresAt = OutboxEntry.integer(item["expiresAt"])
            else { return nil }
            let key = Key(
                groupKey: groupKey, receiver: receiver,
                integration: Notification.Integration(kind: kind, index: Int(index)))
            entries[key] = Entry(
                firing: firing, resolved: resolved, timestamp: timestamp, expiresAt: expiresAt)
        }
    }
}
