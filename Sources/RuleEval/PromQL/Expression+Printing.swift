import PromText

extension Expression: CustomStringConvertible {
    /// Canonical PromQL text in the shape of Prometheus's `String()`; it parses back to an equal tree.
    public var description: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .number(let literal):
            let milliseconds = literal.value * 1000
            if literal.isDuration, milliseconds.magnitude < 9e15, milliseconds == milliseconds.rounded() {
                output +=
                    (milliseconds < 0 ? "-" : "") + PromQLDuration.format(milliseconds: Int64(milliseconds.magnitude))
            } else {
                output += PromQLNumber.format(literal.value)
            }
        case .string(let literal):
            output += GoString.quoted(literal.value)
        case .vectorSelector(let selector):
            selector.writeSelection(to: &output)
            writeModifiers(at: selector.at, offset: selector.offsetMilliseconds, to: &output)
        case .matrixSelector(let matrix):
            matrix.selector.writeSelection(to: &output)
            output += "[\(PromQLDuration.format(milliseconds: matrix.rangeMilliseconds))]"
            writeModifiers(at: matrix.selector.at, offset: matrix.selector.offsetMilliseconds, to: &output)
        case .subquery(let subquery):
            subquery.expression.write(to: &output)
            output += "[\(PromQLDuration.format(milliseconds: subquery.rangeMilliseconds)):"
            if subquery.stepMilliseconds != 0 {
                output += PromQLDuration.format(milliseconds: subquery.stepMilliseconds)
            }
            output += "]"
            writeModifiers(at: subquery.at, offset: subquery.offsetMilliseconds, to: &output)
        case .call(let call):
            output += call.function.name
            writeArguments(call.arguments, to: &output)
        case .aggregation(let aggregation):
            output += aggregation.op.rawValue
            if aggregation.without || !aggregation.grouping.isEmpty {
                output += aggregation.without ? " without " : " by "
                writeLabelList(aggregation.grouping, to: &output)
                output += " "
            }
            writeArguments([aggregation.parameter].compactMap { $0 } + [aggregation.expression], to: &output)
        case .binary(let binary):
            if binary.op == .power, case .number(let literal) = binary.lhs, literal.value == .infinity {
                output += "Inf"  // "+Inf ^ x" would parse as +(Inf ^ x): the sign binds looser than ^.
            } else {
                binary.lhs.write(to: &output)
            }
            output += " \(binary.op.rawValue)"
            if binary.returnBool { output += " bool" }
            binary.matching.write(to: &output)
            output += " "
            binary.rhs.write(to: &output)
        case .unary(let unary):
            output += unary.op.rawValue
            unary.expression.write(to: &output)
        case .parenthesized(let paren):
            output += "("
            paren.expression.write(to: &output)
            output += ")"
        }
    }

    private func writeArguments(_ arguments: [Expression], to output: inout String) {
        output += "("
        for (position, argument) in arguments.enumerated() {
            if position > 0 { output += ", " }
            argument.write(to: &output)
        }
        output += ")"
    }

    private func writeModifiers(at: AtModifier?, offset: Int64, to output: inout String) {
        switch at {
        case .timestamp(let milliseconds)?:
            let sign = milliseconds < 0 ? "-" : ""
            let magnitude = milliseconds.magnitude
            let fraction = String(magnitude % 1000)
            output += " @ \(sign)\(magnitude / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
        case .start?: output += " @ start()"
        case .end?: output += " @ end()"
        case nil: break
        }
        if offset > 0 { output += " offset \(PromQLDuration.format(milliseconds: offset))" }
        if offset < 0 { output += " offset -\(PromQLDuration.format(milliseconds: -offset))" }
    }
}

/// `(a, b)`, quoting names outside the legacy label character set.
private func writeLabelList(_ labels: [String], to output: inout String) {
    output += "(" + labels.map(labelNameText).joined(separator: ", ") + ")"
}

/// A label name as PromQL text: bare in the legacy character set, quoted otherwise.
func labelNameText(_ name: String) -> String {
    MetricName.isValidLegacyLabelName(name) ? name : GoString.quoted(name)
}

extension VectorSelector {
    /// `name{matchers}` without modifiers; matchers joined by `,` as Prometheus prints them.
    fileprivate func writeSelection(to output: inout String) {
        if let name { output += name }
        if name != nil && matchers.isEmpty { return }
        output += "{" + matchers.map(\.description).joined(separator: ",") + "}"
    }
}

extension VectorMatching {
    fileprivate func write(to output: inout String) {
        let grouped = cardinality == .manyToOne || cardinality == .oneToMany
        guard on || !matchingLabels.isEmpty || grouped else { return }
        output += on ? " on " : " ignoring "
        writeLabelList(matchingLabels, to: &output)
        if grouped {
            output += cardinality == .manyToOne ? " group_left " : " group_right "
            writeLabelList(include, to: &output)
        }
    }
}
