import AvtalCore
import Foundation

/// Prints pages of a rendered site to PDF. A protocol so that the remiss action can be tested, and
/// run, without a browser.
package protocol PDFPrinter: Sendable {
    /// `files` is a whole site (relative path → bytes), so that a page finds its stylesheet;
    /// returns each of `pages` (paths within `files`) as PDF bytes.
    func print(_ pages: [String], of files: [String: Data]) throws(ActionFailure) -> [String: Data]
}
