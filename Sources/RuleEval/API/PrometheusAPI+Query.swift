import PromText

extension PrometheusAPI {
    /// `/api/v1/query`: evaluates `query` at `time` (default now).
    func query(_ parameters: APIRequestParameters) throws(PrometheusAPIError) -> APIResult {
        let time = try parameters.time("time", default: now())
        _ = try timeout(parameters)
        let expression = try Self.parseQuery(parameters["query"])
        let value: QueryValue
        do {
            value = try source.engine.evaluate(expression, at: time)
        } catch {
            throw PrometheusAPIError(.execution, error.message)
        }
        return APIResult { writer in
            writer.object { data in
                data.key("resultType")
                switch value {
                case .scalar(let number):
                    data.string("scalar")
                    data.key("result")
                    data.point(time, number)
                case .string(let text):
                    data.string("string")
                    data.key("result")
                    data.point(time, text)
                case .vector(let samples):
                    data.string("vector")
                    data.key("result")
                    data.array(samples) { element, sample in
                        element.object { series in
                            series.key("metric")
                            series.labels(sample.labels)
                            series.key("value")
                            series.point(time, sample.value)
                        }
                    }
                case .matrix(let matrix):
                    data.string("matrix")
                    data.key("result")
                    Self.writeMatrix(matrix, to: &data)
                }
            }
        }
    }

    /// `/api/v1/query_range`: evaluates `query` at every `step` from `start` through `end` and returns a matrix
    /// sorted by labels.
    func queryRange(_ parameters: APIRequestParameters) throws(PrometheusAPIError) -> APIResult {
        let start = try parameters.requiredTime("start")
        let end = try parameters.requiredTime("end")
        guard end >= start else {
            throw .invalidParameter("end", "end timestamp must not be before start time")
        }
        let stepNanoseconds = try parameters.duration("step")
        let stepMilliseconds = stepNanoseconds / 1_000_000
        guard stepMilliseconds > 0 else {
            throw .invalidParameter(
                "step", "zero or negative query resolution step widths are not accepted. Try a positive integer")
        }
        let steps = ((Double(end) - Double(start)) * 1e6 / Double(stepNanoseconds)).rounded(.down)
        guard steps <= Double(Self.maximumRangeQueryPoints) else {
            throw PrometheusAPIError(
                .badData,
                "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution "
                    + "(?step=XX)")
        }
        let deadline = ContinuousClock.now + (try timeout(parameters))
        let parsed = try Self.parseQuery(parameters["query"])
        guard parsed.type == .scalar || parsed.type == .instantVector else {
            throw .invalidParameter(
                "query",
                "invalid expression type \(GoString.quoted(parsed.type.description)) for range query, must be Scalar "
                    + "or instant Vector")
        }
        let expression = parsed.resolvingAtModifiers(start: start, end: end)
        var indexByLabels: [Labels: Int] = [:]
        var matrix: [RangeSeries] = []
        func add(_ labels: Labels, _ time: Int64, _ value: Double) {
            let index =
                indexByLabels[labels]
                ?? {
                    matrix.append(RangeSeries(labels: labels, timestamps: [], values: []))
                    indexByLabels[labels] = matrix.count - 1
                    return matrix.count - 1
                }()
            matrix[index].timestamps.append(time)
            matrix[index].values.append(value)
        }
        var time = start
        while time <= end {
            guard ContinuousClock.now < deadline else {
                throw PrometheusAPIError(.timeout, "query timed out in query execution")
            }
            let value: QueryValue
            do {
                value = try source.engine.evaluate(expression, at: time)
            } catch {
                throw PrometheusAPIError(.execution, error.message)
            }
            switch value {
            case .scalar(let number): add(Labels(), time, number)
            case .vector(let samples): for sample in samples { add(sample.labels, time, sample.value) }
            case .matrix, .string: break
            }
            let (next, overflow) = time.addingReportingOverflow(stepMilliseconds)
            if overflow { break }
            time = next
        }
        matrix.sort { Labels.compare($0.labels, $1.labels) < 0 }
        return APIResult { writer in
            writer.object { data in
                data.key("resultType")
                data.string("matrix")
                data.key("result")
                Self.writeMatrix(matrix, to: &data)
            }
        }
    }

    /// `/api/v1/query_exemplars`: checks the parameters as Prometheus does; the evaluator stores no exemplars, so
    /// the list is always empty (and, as in Prometheus, a query without selectors gets `204 No Content`).
    func queryExemplars(_ parameters: APIRequestParameters) throws(PrometheusAPIError) -> APIResult {
        let start = try parameters.time("start", default: APIRequestParameters.minimumTime)
        let end = try parameters.time("end", default: APIRequestParameters.maximumTime)
        guard end >= start else {
            throw PrometheusAPIError(.badData, "end timestamp must not be before start timestamp")
        }
        let expression: Expression
        do {
            expression = try PromQLParser.parse(parameters["query"])
        } catch {
            throw PrometheusAPIError(.badData, error.description)
        }
        return expression.containsSelector ? APIResult { $0.raw("[]") } : .noContent
    }

    /// Writes series as `[{"metric":{...},"values":[[t,"v"],...]},...]`.
    static func writeMatrix(_ matrix: [RangeSeries], to writer: inout APIJSONWriter) {
        writer.array(matrix) { element, series in
            element.object { object in
                object.key("metric")
                object.labels(series.labels)
                object.key("values")
                object.array(zip(series.timestamps, series.values)) { $0.point($1.0, $1.1) }
            }
        }
    }

    /// Parses the `query` parameter; a syntax or type error is `bad_data` about the parameter.
    static func parseQuery(_ text: String) throws(PrometheusAPIError) -> Expression {
        do {
            return try PromQLParser.parse(text)
        } catch {
            throw .invalidParameter("query", error.description)
        }
    }

    /// How long a query may run: the `timeout` parameter, capped by ``queryTimeout``. The engine cannot interrupt
    /// one evaluation, so a range query checks it between steps and an instant query only validates it.
    func timeout(_ parameters: APIRequestParameters) throws(PrometheusAPIError) -> Duration {
        let text = parameters["timeout"]
        guard !text.isEmpty else { return queryTimeout }
        return min(queryTimeout, .nanoseconds(try parameters.duration("timeout")))
    }
}
