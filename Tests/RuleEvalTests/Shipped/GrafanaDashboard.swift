import Foundation

/// The parts of a Grafana dashboard JSON model the shipped-file tests look at.
struct GrafanaDashboard {
    /// The dashboard's uid.
    let uid: String
    /// Every panel's `targets[].expr`, in panel order.
    let expressions: [String]
    /// Every panel's data source uid (rows have none).
    let dataSourceUIDs: Set<String>

    /// Reads a dashboard from its JSON model.
    init(json: Data) throws {
        let object = try JSONSerialization.jsonObject(with: json) as? [String: Any] ?? [:]
        uid = object["uid"] as? String ?? ""
        let panels = object["panels"] as? [[String: Any]] ?? []
        expressions = panels.flatMap { panel in
            (panel["targets"] as? [[String: Any]] ?? []).compactMap { $0["expr"] as? String }
        }
        dataSourceUIDs = Set(panels.compactMap { ($0["datasource"] as? [String: Any])?["uid"] as? String })
    }
}
