// fuzz-modules: PromText Exporter RuleEval
import Exporter
import RuleEval

/// Feeds arbitrary bytes to what reads state and silences from outside: `alerts.json` decoding (which must
/// re-encode to the same bytes once decoded) and a `POST /api/v2/silences` body. None may crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStateFiles(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let state = try? SavedAlertState.decode(bytes) {
        let encoded = state.encoded
        precondition((try? SavedAlertState.decode(encoded))?.encoded == encoded, "alert state does not round-trip")
    }
    let api = SilenceAPI(file: nil, now: { 1_767_225_600_000 })
    var router = Router()
    api.register(on: &router)
    _ = router.respond(to: HTTPRequest(method: .post, target: "/api/v2/silences", body: bytes))
    return 0
}
