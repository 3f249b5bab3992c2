import DelveFormats
import Foundation

extension Summary {
    /// The summary.json of the run directory at `directory`.
    public init(runDirectory directory: URL) throws(StoredRunError) {
        let file = directory.appendingPathComponent("summary.json")
        guard FileManager.default.fileExists(atPath: file.path) else {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("run.json").path) {
                throw .noSummary(path: directory.path)
            }
            throw .notARun(path: directory.path)
        }
        do {
            self = try JSONDecoder().decode(Summary.self, from: Data(contentsOf: file))
        } catch let error as DecodingError {
            throw .unreadable(path: file.path, reason: DecodingExplanation(error).text)
        } catch {
            throw .unreadable(path: file.path, reason: RunDirectory.reason(error))
        }
    }

    /// The summary as summary.json holds it: indented JSON with sorted keys.
    public func json() throws -> String { try JSONFormat.prettyText(self) }
}
