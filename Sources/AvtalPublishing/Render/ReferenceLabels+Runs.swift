import AvtalCore

/// A reference in a restated clause and the plain text that replaces it (byte columns of one line).
struct PlainReplacement {
    var line: Int
    var from: Int
    var to: Int
    var text: String
    /// For a numbered clause: its document, its number and whether that is the document written in.
    var clause: (document: String, number: String, local: Bool)?
}

extension ReferenceLabels {
    /// References to numbered clauses of one document written in a row ("[](a#x) och [](a#y)", or
    /// "[](a#x), [](a#y) och [](a#z)") become one replacement that names them as Swedish text does:
    /// "punkterna 9.1 och 9.2 i hälso- och sjukvårdsavtalet", not the document after each number.
    func joiningRuns(_ replacements: [PlainReplacement], in lines: [[UInt8]]) -> [PlainReplacement] {
        let sorted = replacements.sorted { ($0.line, $0.from) < ($1.line, $1.from) }
        var out: [PlainReplacement] = []
        // The run so far and whether " och " has joined its last member, which ends it.
        var run: [PlainReplacement] = []
        var closed = false
        func flush() {
            defer { run = []; closed = false }
            // Only a whole list joins ("a, b och c"): "a, b" before other words is left as written.
            guard closed, let first = run.first, let last = run.last, let clause = first.clause else {
                out += run
                return
            }
            var label = "punkterna " + Swedish.list(run.compactMap(\.clause?.number))
            if !clause.local, let name = referenceName(of: clause.document) { label += " i " + name }
            out.append(PlainReplacement(line: first.line, from: first.from, to: last.to, text: label))
        }
        for replacement in sorted {
            let joint = run.last.flatMap { closed ? nil : separator(between: $0, and: replacement, in: lines) }
            if let joint {
                run.append(replacement)
                closed = joint == " och "
            } else {
                flush()
                run = [replacement]
            }
        }
        flush()
        return out
    }

    private func referenceName(of document: String) -> String? {
        text.document(document)?.frontMatter.referenceName
    }

    /// ", " or " och " when that is all that stands between two references to numbered clauses of one
    /// document on one line; nil otherwise.
    private func separator(between previous: PlainReplacement, and next: PlainReplacement, in lines: [[UInt8]]) -> String? {
        guard previous.line == next.line, let a = previous.clause, let b = next.clause, a.document == b.document,
              previous.to <= next.from, previous.line < lines.count, next.from <= lines[previous.line].count
        else { return nil }
        let between = String(decoding: lines[previous.line][previous.to..<next.from], as: UTF8.self)
        return between == ", " || between == " och " ? between : nil
    }
}
