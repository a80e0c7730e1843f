import Glibc
import PromText

/// The `uname` collector: `node_uname_info{sysname,release,version,machine,nodename,domainname} 1` from
/// `uname(2)`.
public struct UnameCollector: NodeCollector {
    /// The six `utsname` strings.
    public struct Info: Sendable, Hashable {
        /// Operating system name (`Linux`).
        public var sysname: String
        /// Kernel release.
        public var release: String
        /// Kernel build version.
        public var version: String
        /// Hardware name (`x86_64`).
        public var machine: String
        /// Host name.
        public var nodename: String
        /// NIS domain name (`(none)` when unset).
        public var domainname: String

        /// Creates the record from its six strings.
        public init(
            sysname: String, release: String, version: String, machine: String, nodename: String, domainname: String
        ) {
            self.sysname = sysname
            self.release = release
            self.version = version
            self.machine = machine
            self.nodename = nodename
            self.domainname = domainname
        }
    }

    public let name = "uname"

    /// Creates the collector.
    public init() {}

    public func update() throws -> [MetricFamily] {
        var names = utsname()
        guard uname(&names) == 0 else { throw CollectorError.unreadable(path: "uname(2)", errno: errno) }
        return [
            Self.family(
                Info(
                    sysname: Self.string(names.sysname), release: Self.string(names.release),
                    version: Self.string(names.version), machine: Self.string(names.machine),
                    nodename: Self.string(names.nodename), domainname: Self.string(names.__domainname)))
        ]
    }

    /// `node_uname_info` for `info`.
    static func family(_ info: Info) -> MetricFamily {
        .single(
            "node_uname_info", .gauge, help: "Labeled system information as provided by the uname system call.",
            value: 1,
            labels: [
                "sysname": info.sysname, "release": info.release, "version": info.version, "machine": info.machine,
                "nodename": info.nodename, "domainname": info.domainname,
            ])
    }

    /// A NUL-terminated C character array stored as a tuple.
    private static func string<Tuple>(_ field: Tuple) -> String {
        withUnsafeBytes(of: field) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
    }
}
