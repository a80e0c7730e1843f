import Glibc

/// Caps glibc's malloc arenas for the exporter and the evaluator.
///
/// glibc gives each thread that contends for the heap an arena of its own (up to eight per core), and every
/// arena keeps freed memory mapped. The exporter's threads allocate briefly per scrape, so under concurrent
/// scrapes the extra arenas only add resident memory: measured under `wrk -c2`, one arena keeps about 2 MB less
/// resident than glibc's default with no throughput difference beyond the noise (two arenas: 1.6 MB less). The
/// evaluator's scrape and rule threads behave alike: at 100k series one arena keeps 213 MiB resident instead of
/// 318 MiB (`scripts/bench-evaluator.sh` with `MALLOC_ARENA_MAX=1`).
public enum MallocArenas {
    /// The arena cap the programs run with.
    static let arenaCount: Int32 = 1
    /// `M_ARENA_MAX` from `<malloc.h>`, which the `Glibc` module does not export.
    private static let arenaMaxParameter: Int32 = -8

    /// Applies ``limit``; call before the process starts its threads. Returns whether glibc accepted it.
    @discardableResult
    public static func limit() -> Bool {
        glibcMallopt(arenaMaxParameter, arenaCount) == 1
    }
}

/// glibc's `int mallopt(int param, int value)`, declared here because `<malloc.h>` is not part of the `Glibc`
/// module. Bound at link time (a `dlsym` lookup finds nothing in a fully static executable); two `Int32`
/// arguments and an `Int32` result are passed alike by the Swift and C calling conventions.
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
