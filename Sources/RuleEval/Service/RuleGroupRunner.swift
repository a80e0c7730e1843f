import Dispatch
import Exporter
import Synchronization

/// Evaluates one rule group on its own thread at the slots of its ``RuleGroupSchedule``, as Prometheus's
/// `Group.run` does, until stopped.
///
/// The evaluator value is copied out for each evaluation and stored back afterwards, so readers (API, status
/// page) never wait for an evaluation in progress. ``stop()`` waits for an evaluation in flight and hands back
/// the final state, which a reload passes to the group's successor.
final class RuleGroupRunner: Sendable {
    private struct State {
        var evaluator: RuleGroupEvaluator
        var lastEvaluation: Int64?
        var lastDuration = Duration.zero
    }

    /// The group as configured.
    let group: LoadedConfiguration.Group
    /// When the group evaluates.
    let schedule: RuleGroupSchedule
    private let state: Mutex<State>
    private let stopRequested = Atomic(false)
    private let wakeUp = DispatchSemaphore(value: 0)
    private let finished = DispatchGroup()

    /// What the service does after each evaluation, on the group's thread, before the state is published: the
    /// evaluation time, how long it took, the rules that failed and the slots missed before it.
    typealias Completion =
        @Sendable (
            _ evaluator: inout RuleGroupEvaluator, _ time: Int64, _ duration: Duration,
            _ failures: [(rule: String, message: String)], _ missed: Int64
        ) -> Void

    init(group: LoadedConfiguration.Group, evaluator: RuleGroupEvaluator) {
        self.group = group
        self.schedule = RuleGroupSchedule(key: group.key, interval: group.interval)
        self.state = Mutex(State(evaluator: evaluator))
    }

    /// Starts evaluating on a new thread with `engine`; `now` is the wall clock in milliseconds.
    func start(engine: QueryEngine, now: @escaping @Sendable () -> Int64, completion: @escaping Completion) {
        finished.enter()
        BackgroundThread.start { [self] in
            defer { finished.leave() }
            var next = schedule.firstEvaluation(startingAt: now())
            var missed: Int64 = 0
            while !stopRequested.load(ordering: .acquiring) {
                let wait = next - now()
                if wait > 0 {
                    _ = wakeUp.wait(timeout: Duration.milliseconds(wait).dispatchDeadline)
                    continue
                }
                evaluate(at: next, missed: missed, engine: engine, completion: completion)
                (next, missed) = schedule.next(after: next, finishedAt: now())
            }
        }
    }

    /// Evaluates the group once at `time`, on the caller's thread (the run loop, and tests).
    func evaluate(at time: Int64, missed: Int64 = 0, engine: QueryEngine, completion: Completion) {
        var evaluator = state.withLock { $0.evaluator }
        let clock = ContinuousClock()
        let started = clock.now
        let failures = evaluator.evaluate(at: time, engine: engine)
        let duration = clock.now - started
        completion(&evaluator, time, duration, failures, missed)
        state.withLock { state in
            state.evaluator = evaluator
            state.lastEvaluation = time
            state.lastDuration = duration
        }
    }

    /// Stops the loop, waits for an evaluation in flight, and returns the final evaluator state.
    func stop() -> RuleGroupEvaluator {
        stopRequested.store(true, ordering: .releasing)
        wakeUp.signal()
        finished.wait()
        return state.withLock { $0.evaluator }
    }

    /// The evaluator state as of the last completed evaluation.
    var evaluator: RuleGroupEvaluator { state.withLock { $0.evaluator } }

    /// The group and its rules as the API and status page show them.
    var status: RuleGroupStatus {
        state.withLock { state in
            RuleGroupStatus(
                name: group.definition.name, file: group.file, interval: group.interval,
                limit: group.definition.limit, queryOffset: state.evaluator.queryOffset,
                lastEvaluation: state.lastEvaluation, evaluationDuration: state.lastDuration,
                rules: state.evaluator.ruleStatuses)
        }
    }
}
