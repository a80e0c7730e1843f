import PromText

/// One lexical item of a template (Go's `text/template/parse` `item`).
struct TemplateToken: Sendable, Equatable {
    /// The kinds of item Go's lexer emits; keywords come after `variable`.
    enum Kind: Sendable, Equatable {
        case error, bool, char, charConstant, complex, assign, declare, eof, field, identifier, leftDelim
        case leftParen, number, pipe, rawString, rightDelim, rightParen, space, string, text, variable
        case block, breakKeyword, continueKeyword, dot, define, elseKeyword, end, ifKeyword, nilKeyword
        case range, template, with

        /// Whether Go prints this item as `<word>` in messages.
        var isKeyword: Bool {
            switch self {
            case .block, .breakKeyword, .continueKeyword, .dot, .define, .elseKeyword, .end, .ifKeyword,
                .nilKeyword, .range, .template, .with:
                true
            default:
                false
            }
        }

        /// The keyword spelled `word`, if it is one.
        init?(keyword word: String) {
            switch word {
            case ".": self = .dot
            case "block": self = .block
            case "break": self = .breakKeyword
            case "continue": self = .continueKeyword
            case "define": self = .define
            case "else": self = .elseKeyword
            case "end": self = .end
            case "if": self = .ifKeyword
            case "nil": self = .nilKeyword
            case "range": self = .range
            case "template": self = .template
            case "with": self = .with
            default: return nil
            }
        }
    }

    /// What the item is.
    var kind: Kind
    /// Byte offset of the item in the template text.
    var offset: Int
    /// The item's text (for `error`, the message).
    var text: String
    /// 1-based line of the item's start.
    var line: Int

    /// Go's `item.String()`, used in `unexpected X in Y` messages.
    var goDescription: String {
        switch kind {
        case .eof: return "EOF"
        case .error: return text
        case _ where kind.isKeyword: return "<\(text)>"
        default:
            let scalars = text.unicodeScalars
            if scalars.count > 10 {
                return GoString.quoted(String(String.UnicodeScalarView(scalars.prefix(10)))) + "..."
            }
            return GoString.quoted(text)
        }
    }
}
