import AvtalCore
import AvtalPublishing
import Foundation

/// A diverging stacked bar chart as inline SVG: grades 1 and 2 to the left of a common centre line,
/// 3 and 4 to the right, every row on one scale, with the count written in each segment wide enough
/// for it and the number of answers and of "ingen synpunkt" beside the bar, so that it reads without
/// colour. "Ingen synpunkt" is counted apart: it is neither for nor against.
struct DivergingChart {
    struct Row {
        var label: String
        var isHeading: Bool
        var isIndented: Bool
        var tally: Compilation.Tally
    }

    /// `counts`: the bars are answers on one scale (the longest side of any row); `shares`: each row
    /// is its share of the answers that gave a grade, for parties of very different size.
    enum Scale { case counts, shares }

    var rows: [Row]
    var scale: Scale
    var label: String

    static let colours = ["#a6430b", "#f4b26b", "#9ecae1", "#0b4f8a"]
    static let textColours = ["#ffffff", "#1a1a1a", "#1a1a1a", "#ffffff"]
    static let legend = ["1 instämmer inte alls", "2 instämmer delvis", "3 instämmer till stor del", "4 instämmer helt"]
    static let labelWidth = 290, half = 180, rightWidth = 190, rowHeight = 19, top = 40

    var svg: String {
        let width = Self.labelWidth + 2 * Self.half + Self.rightWidth
        let height = Self.top + rows.count * Self.rowHeight + 6
        var out = "<svg class=\"overview-chart\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" aria-label=\"\(HTML.escape(label))\""
            + " font-family=\"system-ui, sans-serif\" font-size=\"13\">\n"
        out += legendSVG()
        let centre = Self.labelWidth + Self.half
        out += "<line x1=\"\(centre)\" y1=\"\(Self.top - 4)\" x2=\"\(centre)\" y2=\"\(height - 2)\" stroke=\"#1a1a1a\"></line>\n"
        let longest = max(1, rows.map { max($0.tally.counts[0] + $0.tally.counts[1], $0.tally.counts[2] + $0.tally.counts[3]) }.max() ?? 1)
        for (index, row) in rows.enumerated() {
            out += rowSVG(row, y: Self.top + index * Self.rowHeight, centre: centre, longest: longest)
        }
        return out + "</svg>"
    }

    private func legendSVG() -> String {
        var out = "<g class=\"legend\">\n"
        var x = 0
        for (index, text) in Self.legend.enumerated() {
            out += "<rect x=\"\(x)\" y=\"6\" width=\"14\" height=\"14\" fill=\"\(Self.colours[index])\" stroke=\"#1a1a1a\" stroke-width=\"0.5\"></rect>"
            out += "<text x=\"\(x + 19)\" y=\"18\">\(HTML.escape(text))</text>\n"
            x += 19 + text.count * 7 + 14
        }
        return out + "</g>\n"
    }

    private func rowSVG(_ row: Row, y: Int, centre: Int, longest: Int) -> String {
        let c = row.tally.counts
        let graded = c[0] + c[1] + c[2] + c[3]
        let denominator = scale == .counts ? Double(longest) : Double(max(graded, 1))
        func width(_ n: Int) -> Double { (Double(n) * Double(Self.half) / denominator * 10).rounded() / 10 }
        let starts = [Double(centre) - width(c[1]) - width(c[0]), Double(centre) - width(c[1]), Double(centre), Double(centre) + width(c[2])]
        var out = "<g>\n<title>\(HTML.escape(row.label)): " + zip(Self.legend, c).map { "\($0) \($1)" }.joined(separator: ", ")
            + ", ingen synpunkt \(c[4])</title>\n"
        let x = row.isIndented ? 14 : 0
        out += "<text x=\"\(x)\" y=\"\(y + 14)\"\(row.isHeading ? " font-weight=\"bold\"" : "")>"
            + "\(HTML.escape(Self.fit(row.label, room: row.isHeading ? 33 : 38)))</text>\n"
        for slot in 0..<4 where c[slot] > 0 {
            let w = width(c[slot])
            out += "<rect x=\"\(starts[slot])\" y=\"\(y + 2)\" width=\"\(w)\" height=\"\(Self.rowHeight - 4)\" fill=\"\(Self.colours[slot])\"></rect>"
            if w >= 16 {
                out += "<text x=\"\(starts[slot] + w / 2)\" y=\"\(y + 14)\" text-anchor=\"middle\" fill=\"\(Self.textColours[slot])\">\(c[slot])</text>"
            }
            out += "\n"
        }
        let answers = graded + c[4]
        let note = "\(answers) svar" + (c[4] > 0 ? ", \(c[4]) ingen synpunkt" : "")
        out += "<text x=\"\(Self.labelWidth + 2 * Self.half + 8)\" y=\"\(y + 14)\">\(note)</text>\n</g>\n"
        return out
    }

    /// Long headings are cut with an ellipsis in the figure; the table gives them whole.
    static func fit(_ label: String, room: Int) -> String {
        return label.count <= room ? label : String(label.prefix(room - 1)) + "…"
    }
}
