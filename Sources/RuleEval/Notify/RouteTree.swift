import PromText

/// The routing tree built from `route:`, with each node's settings resolved by inheritance, matched as
/// Alertmanager's `dispatch.Route.Match` does.
public struct RouteTree: Sendable {
    /// One route with its effective settings.
    public struct Node: Sendable, Hashable {
        /// `Route.ID()`: the key plus, below the root, the index among siblings (`{}/{env="prod"}/0`).
        public let id: String
        /// `Route.Key()`: the matchers of every route from the root down (`{}/{env="prod"}`).
        public let key: String
        /// The receiver notified for alerts routed here.
        public let receiver: String
        /// Label names alerts are grouped by.
        public let groupBy: Set<String>
        /// Whether alerts are grouped by all their labels (`group_by: ['...']`).
        public let groupByAll: Bool
        /// How long a new group waits before its first notification, in milliseconds.
        public let groupWait: Int64
        /// How long a group waits between notifications, in milliseconds.
        public let groupInterval: Int64
        /// How long before an unchanged notification is sent again, in milliseconds.
        public let repeatInterval: Int64
        /// The route's own matchers, sorted.
        public let matchers: [AlertMatcher]
        /// Whether matching continues with the next sibling after this route matched.
        public let continueMatching: Bool
        /// Indices of the child routes in ``RouteTree/nodes``.
        public let children: [Int]

        /// The subset of an alert's `labels` that keys its group in this route (`getGroupLabels`).
        public func groupLabels(of labels: Labels) -> Labels {
            groupByAll ? labels : Labels(labels.pairs.filter { groupBy.contains($0.name) })
        }
    }

    /// Every route, the root at index 0, parents before children.
    public private(set) var nodes: [Node] = []

    /// The root route.
    public var root: Node { nodes[0] }

    /// Builds the tree, applying Alertmanager's defaults at the root (30s, 5m, 4h) and checking what
    /// `config.Load` checks for routes.
    public init(_ configuration: RouteConfiguration) throws(NotifyConfigurationError) {
        guard let receiver = configuration.receiver, !receiver.isEmpty else {
            throw NotifyConfigurationError("root route must specify a default receiver")
        }
        guard configuration.match.isEmpty, configuration.matchRE.isEmpty, configuration.matchers.isEmpty else {
            throw NotifyConfigurationError("root route must not have any matchers")
        }
        guard !configuration.continueMatching else {
            throw NotifyConfigurationError("cannot have continue in root route")
        }
        let defaults = Inherited(
            receiver: receiver, groupBy: [], groupByAll: false, groupWait: 30_000, groupInterval: 300_000,
            repeatInterval: 14_400_000)
        _ = try add(configuration, inherited: defaults, parentKey: nil, parentID: nil, index: 0)
    }

    /// The routes an alert with `labels` goes to: depth-first, the deepest matching routes, siblings after a
    /// match only when it has `continue`; a route none of whose children match is itself the match.
    public func match(_ labels: Labels) -> [Node] {
        match(labels, at: 0).map { nodes[$0] }
    }

    private func match(_ labels: Labels, at index: Int) -> [Int] {
        let node = nodes[index]
        guard node.matchers.allMatch(labels) else { return [] }
        var matched: [Int] = []
        for child in node.children {
            let childMatches = match(labels, at: child)
            matched += childMatches
            if !childMatches.isEmpty, !nodes[child].continueMatching { break }
        }
        return matched.isEmpty ? [index] : matched
    }

    private struct Inherited {
        var receiver: String
        var groupBy: Set<String>
        var groupByAll: Bool
        var groupWait: Int64
        var groupInterval: Int64
        var repeatInterval: Int64
    }

    private mutating func add(
        _ configuration: RouteConfiguration,
        inherited: Inherited,
        parentKey: String?,
        parentID: String?,
        index: Int
    ) throws(NotifyConfigurationError) -> Int {
        var options = inherited
        if let receiver = configuration.receiver, !receiver.isEmpty { options.receiver = receiver }
        if let groupBy = configuration.groupBy {
            let all = groupBy.contains("...")
            if all, groupBy.count > 1 {
                throw NotifyConfigurationError(
                    "cannot have wildcard group_by (`...`) and other other labels at the same time")
            }
            if Set(groupBy).count != groupBy.count {
                throw NotifyConfigurationError("duplicated label in group_by: \(groupBy)")
            }
            if all {
                options.groupByAll = true
            } else if !groupBy.isEmpty {
                options.groupBy = Set(groupBy)
                options.groupByAll = false
            }
        }
        if let wait = configuration.groupWait { options.groupWait = wait.notifyMilliseconds }
        if let interval = configuration.groupInterval {
            guard interval > .zero else { throw NotifyConfigurationError("group_interval cannot be zero") }
            options.groupInterval = interval.notifyMilliseconds
        }
        if let repeatInterval = configuration.repeatInterval {
            options.repeatInterval = repeatInterval.notifyMilliseconds
        }
        let matchers = try NotifyConfigurationError.matchers(
            equal: configuration.match, regex: configuration.matchRE, texts: configuration.matchers,
            field: "route matchers")
        let ownText = matchers.alertmanagerText
        let key = parentKey.map { $0 + "/" + ownText } ?? ownText
        let id = parentID.map { $0 + "/" + ownText + "/" + String(index) } ?? ownText
        let position = nodes.count
        nodes.append(placeholder)
        var children: [Int] = []
        for (childIndex, child) in configuration.routes.enumerated() {
            children.append(try add(child, inherited: options, parentKey: key, parentID: id, index: childIndex))
        }
        nodes[position] = Node(
            id: id, key: key, receiver: options.receiver, groupBy: options.groupBy, groupByAll: options.groupByAll,
            groupWait: options.groupWait, groupInterval: options.groupInterval, repeatInterval: options.repeatInterval,
            matchers: matchers, continueMatching: configuration.continueMatching, children: children)
        return position
    }

    private var placeholder: Node {
        Node(
            id: "", key: "", receiver: "", groupBy: [], groupByAll: false, groupWait: 0, groupInterval: 0,
            repeatInterval: 0, matchers: [], continueMatching: false, children: [])
    }
}

extension Duration {
    /// Whole milliseconds (truncated), the unit Notify's clocks use.
    var notifyMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
