import Glibc

/// A UTC calendar time broken down from the system wall clock, formatted for HTTP and JSON.
struct CalendarTime {
    private var parts = tm()
    private var nanoseconds: Int

    /// The current wall-clock time.
    static func now() -> CalendarTime {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return CalendarTime(secondsSinceEpoch: time.tv_sec, nanoseconds: time.tv_nsec)
    }

    /// The calendar time of a point given in seconds and nanoseconds since the Unix epoch.
    init(secondsSinceEpoch: Int, nanoseconds: Int = 0) {
        var seconds = time_t(secondsSinceEpoch)
        gmtime_r(&seconds, &parts)
        self.nanoseconds = nanoseconds
    }

    /// The HTTP `Date` form (IMF-fixdate, RFC 9110 §5.6.7), e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
    var imfFixdate: String {
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(weekdays[Int(parts.tm_wday)]), \(pad(parts.tm_mday, 2)) \(months[Int(parts.tm_mon)]) "
            + "\(parts.tm_year + 1900) \(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)) GMT"
    }

    /// RFC 3339 with milliseconds in UTC, e.g. `1994-11-06T08:49:37.123Z`.
    var rfc3339: String {
        "\(parts.tm_year + 1900)-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(nanoseconds / 1_000_000, 3))Z"
    }

    private func pad(_ value: some BinaryInteger, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
