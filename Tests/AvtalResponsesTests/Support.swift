import Foundation

let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let fixturesFolder = testsFolder.appendingPathComponent("Fixtures")
/// The project's own templates, as the CLI uses them.
let templatesFolder = testsFolder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates")
