import Synchronization

/// The set of instruments and collectors one exposition shows, checked for valid, non-conflicting names when
/// each is registered.
///
/// ```swift
/// let registry = Registry()
/// let requests = try registry.register(
///     CounterFamily(name: "http_requests_total", help: "Requests served.", labelNames: ["method", "code"]))
/// let inFlight = try registry.register(GaugeFamily(name: "http_requests_in_flight", help: "...")).labels()
/// requests.labels("GET", "200").increment()
/// let families = registry.collect()
/// ```
///
/// Registration rejects, with a ``RegistrationError``: invalid metric or label names (legacy character set),
/// label names starting with `__`, duplicate label names, `le` on histograms and `quantile` on summaries, a
/// second registration of the same family, a family with the same name but another type, help or label names,
/// and a family that would expose a name another family already exposes (a gauge `x_count` next to a histogram
/// `x`; a gauge `x` next to a counter `x_total`, whose OpenMetrics family is `x`).
///
/// A custom ``Collector`` is checked against the families it returns when registered; families it starts
/// returning later are not checked, and if one of them has the name of another family, ``collect()`` keeps the
/// checked family (or, between unchecked ones, the one registered first) and drops the rest.
public final class Registry: Collector {
    private struct Registration {
        let collector: any Collector
        /// The instrument's family name, or `nil` for a custom collector (which cannot be unregistered by name).
        let instrumentName: String?
        let descriptors: [MetricDescriptor]
    }

    private struct State {
        var registrations: [Registration] = []
        var descriptors: [String: MetricDescriptor] = [:]
        /// Every name a registered family exposes, mapped to that family's name.
        var exposedNameOwners: [String: String] = [:]

        /// Reserves the family's names, or throws if the family or one of its names is taken.
        mutating func reserve(_ descriptor: MetricDescriptor) throws(RegistrationError) {
            if let existing = descriptors[descriptor.name] {
                guard let difference = existing.difference(from: descriptor) else {
                    throw .duplicateRegistration(name: descriptor.name)
                }
                throw .conflictingDefinition(name: descriptor.name, difference: difference)
            }
            let names = MetricDescriptor.exposedNames(familyName: descriptor.name, type: descriptor.type)
            for name in names.sorted() {
                if let owner = exposedNameOwners[name] {
                    throw .nameCollision(name, registeredFamily: owner)
                }
            }
            descriptors[descriptor.name] = descriptor
            for name in names {
                exposedNameOwners[name] = descriptor.name
            }
        }

        /// Frees the names of a registration.
        mutating func release(_ registration: Registration) {
            for descriptor in registration.descriptors {
                descriptors[descriptor.name] = nil
                for name in MetricDescriptor.exposedNames(familyName: descriptor.name, type: descriptor.type) {
                    exposedNameOwners[name] = nil
                }
            }
        }
    }

    private let state = Mutex(State())

    /// Creates an empty registry.
    public init() {}

    /// Registers an instrument (a labelled family or an ``Info``) and returns it, so creation and registration
    /// read as one expression.
    @discardableResult
    public func register<Registered: Instrument>(_ instrument: Registered) throws(RegistrationError) -> Registered {
        try add(instrument, instrumentName: instrument.descriptor.name, descriptors: [instrument.descriptor])
        return instrument
    }

    /// Registers a custom collector, checking the families it returns now (see the type's documentation).
    public func register(collector: some Collector) throws(RegistrationError) {
        var descriptors: [MetricDescriptor] = []
        for family in collector.collect() {
            for sample in family.samples {
                for label in sample.labels {
                    try Registry.validateLabelName(label.name, metric: family.name)
                }
            }
            descriptors.append(MetricDescriptor(name: family.name, type: family.type, help: family.help ?? ""))
        }
        try add(collector, instrumentName: nil, descriptors: descriptors)
    }

    /// Unregisters the instrument whose family is called `name` (for counters, the name ending in `_total`);
    /// returns whether there was one.
    @discardableResult
    public func unregister(name: String) -> Bool {
        state.withLock { state in
            guard let index = state.registrations.firstIndex(where: { $0.instrumentName == name }) else {
                return false
            }
            state.release(state.registrations.remove(at: index))
            return true
        }
    }

    /// The families of every registered instrument and collector, sorted by name, one family per name (see the
    /// type's documentation for which one wins); series keep the order each collector gives them, which for
    /// labelled families is sorted by label values.
    public func collect() -> [MetricFamily] {
        let registrations = state.withLock { $0.registrations }
        var collected: [(family: MetricFamily, unchecked: Bool, order: Int)] = []
        for registration in registrations {
            let checkedNames = Set(registration.descriptors.map(\.name))
            for family in registration.collector.collect() {
                collected.append((family, !checkedNames.contains(family.name), collected.count))
            }
        }
        collected.sort { lhs, rhs in
            if lhs.family.name != rhs.family.name { return lhs.family.name < rhs.family.name }
            if lhs.unchecked != rhs.unchecked { return rhs.unchecked }
            return lhs.order < rhs.order
        }
        var families: [MetricFamily] = []
        families.reserveCapacity(collected.count)
        for (family, _, _) in collected where families.last?.name != family.name {
            families.append(family)
        }
        return families
    }

    private func add(
        _ collector: any Collector,
        instrumentName: String?,
        descriptors: [MetricDescriptor]
    ) throws(RegistrationError) {
        for descriptor in descriptors {
            try Registry.validate(descriptor)
        }
        try state.withLock { state throws(RegistrationError) in
            var candidate = state
            for descriptor in descriptors {
                try candidate.reserve(descriptor)
            }
            candidate.registrations.append(
                Registration(collector: collector, instrumentName: instrumentName, descriptors: descriptors)
            )
            state = candidate
        }
    }

    private static func validate(_ descriptor: MetricDescriptor) throws(RegistrationError) {
        guard MetricName.isValidLegacyMetricName(descriptor.name) else {
            throw .invalidMetricName(descriptor.name)
        }
        var seen: Set<String> = []
        for label in descriptor.labelNames {
            try validateLabelName(label, metric: descriptor.name)
            if label == MetricDescriptor.labelNameReserved(by: descriptor.type) {
                throw .labelNameReservedByType(label, metric: descriptor.name, type: descriptor.type)
            }
            guard seen.insert(label).inserted else {
                throw .duplicateLabelName(label, metric: descriptor.name)
            }
        }
    }

    private static func validateLabelName(_ label: String, metric: String) throws(RegistrationError) {
        guard MetricName.isValidLegacyLabelName(label) else {
            throw .invalidLabelName(label, metric: metric)
        }
        guard !MetricName.isReservedLabelName(label) else {
            throw .reservedLabelName(label, metric: metric)
        }
    }
}

extension MetricDescriptor {
    /// What differs between two descriptors of the same name, or `nil` when they are the same definition.
    fileprivate func difference(from other: MetricDescriptor) -> String? {
        var differences: [String] = []
        if type != other.type {
            differences.append("type \(type.openMetricsKeyword) vs \(other.type.openMetricsKeyword)")
        }
        if help != other.help {
            differences.append("help \"\(help)\" vs \"\(other.help)\"")
        }
        if labelNames != other.labelNames {
            differences.append("label names \(labelNames) vs \(other.labelNames)")
        }
        return differences.isEmpty ? nil : differences.joined(separator: ", ")
    }
}
