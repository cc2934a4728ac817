/// Which templates a Mustache template includes (`{{> partial}}`) or inherits from (`{{< parent}}`),
/// read from its text before anything is rendered: the renderer follows them without a limit, so a
/// template that includes itself, directly or through others, would recurse until the stack runs out.
enum TemplateIncludes {
    /// A problem found while reading the tags.
    struct Dynamic: Error { var tag: String }

    /// The names of the templates `text` includes or inherits from, in order of appearance.
    /// Set-delimiter tags (`{{=<% %>=}}`) are followed; a dynamic partial (`{{>*name}}`), whose
    /// template is known only when rendering, is refused.
    static func names(in text: String) throws(Dynamic) -> [String] {
        var (open, close) = ("{{", "}}")
        var names: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: open) {
            let afterOpen = rest[start.upperBound...]
            // A triple mustache ends in "}}}"; its content is a variable, so where it ends matters little.
            guard let end = afterOpen.range(of: close) else { break }
            let tag = afterOpen[..<end.lowerBound]
            rest = afterOpen[end.upperBound...]
            let body = tag.drop { $0 == " " || $0 == "\t" }
            switch body.first {
            case ">", "<":
                let name = body.dropFirst().trimmingBlanks
                if name.hasPrefix("*") { throw Dynamic(tag: open + tag + close) }
                names.append(String(name))
            case "=":
                // {{=<% %>=}}: the new delimiters, separated by white space.
                let inner = body.dropFirst().trimmingBlanks
                let parts = (inner.hasSuffix("=") ? inner.dropLast() : inner).split(whereSeparator: { $0 == " " || $0 == "\t" })
                if parts.count == 2 { (open, close) = (String(parts[0]), String(parts[1])) }
            default:
                continue
            }
        }
        return names
    }

    /// The first chain of includes that leads from a template back to itself (["a", "b", "a"]), if any.
    /// Names that are not in `graph` (a partial that is missing renders as nothing) end a chain.
    static func cycle(in graph: [String: [String]]) -> [String]? {
        var done = Set<String>()
        var path: [String] = []
        func visit(_ name: String) -> [String]? {
            if let index = path.firstIndex(of: name) { return Array(path[index...]) + [name] }
            guard !done.contains(name), let next = graph[name] else { return nil }
            path.append(name)
            for included in next {
                if let found = visit(included) { return found }
            }
            path.removeLast()
            done.insert(name)
            return nil
        }
        for name in graph.keys.sorted() {
            if let found = visit(name) { return found }
        }
        return nil
    }
}

private extension Substring {
    var trimmingBlanks: Substring {
        let blanks: Set<Character> = [" ", "\t", "\n", "\r"]
        var trimmed = drop { blanks.contains($0) }
        while let last = trimmed.last, blanks.contains(last) { trimmed = trimmed.dropLast() }
        return trimmed
    }
}
