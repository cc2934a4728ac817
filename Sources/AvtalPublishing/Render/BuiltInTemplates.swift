import AvtalCore
import Foundation

/// The default templates, stylesheets, form script and response schema, compiled in from `Templates/`
/// by `scripts/embed-templates`. A corpus overrides any of them with a file of the same name in its
/// templates folder (see `TemplateSearch`); every file it does not override comes from here.
package enum BuiltInTemplates {
    /// File name → bytes, exactly as in `Templates/`.
    package static let files = EmbeddedFiles.decode(encoded)

    /// What error messages name as the place of a built-in file: it has no path on disk.
    package static func path(of file: String) -> String { "(built-in)/\(file)" }
}
