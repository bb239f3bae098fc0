import Foundation
import ZanText
import ZanTimeline

/// Reading published rule sets back from `rules/`: what `zan show`, `zan history` and
/// `zan versions` answer from, so a query sees exactly what was published.
public enum RuleSetStore {
    public enum LoadError: Error, CustomStringConvertible {
        case noWork(String, rules: String)
        case badID(String)
        case decode(RuleSetJSON.DecodeError)

        public var description: String {
            switch self {
            case let .noWork(id, rules):
                "no rule set for \(id) in \(rules)/ (run `zan build`, or check the id: \(rules)/ has a folder per work)"
            case let .badID(id):
                "\"\(id)\" is not a work id (letters, digits, \"_\" and \"-\", e.g. V2300033763)"
            case let .decode(error):
                error.description
            }
        }
    }

    /// The work `id` and every version of it.
    public static func load(_ id: String, from rules: String) throws(LoadError) -> WorkHistory {
        // The id names a folder: never let it name one outside `rules` ("../x", "a/b").
        guard Corpus.isSafeID(id) else { throw .badID(id) }
        let folder = rules + "/" + id
        let indexPath = folder + "/index.json"
        guard let data = FileManager.default.contents(atPath: indexPath) else { throw .noWork(id, rules: rules) }
        guard let index = JSON.parse(data) else {
            throw .decode(RuleSetJSON.DecodeError(path: indexPath, reason: "not JSON"))
        }
        do throws(RuleSetJSON.DecodeError) {
            let work = try RuleSetJSON.decodeWork(index, indexPath)
            var paths: [String] = []
            for entry in index["versions"]?.array ?? [] {
                guard let name = entry["file"]?.string else {
                    throw RuleSetJSON.DecodeError(path: indexPath, reason: "a version without a file")
                }
                guard !name.contains("/"), !name.hasPrefix(".") else {
                    throw RuleSetJSON.DecodeError(path: indexPath, reason: "version file \"\(name)\" is not a file name in the work's folder")
                }
                paths.append(folder + "/" + name)
            }
            // Version files are independent: decode them on every core; facts are derived from
            // the tree and not read back.
            let decoded = Parallel.map(paths) { path -> Result<Version, RuleSetJSON.DecodeError> in
                guard let data = FileManager.default.contents(atPath: path), let json = JSON.parse(data, skipping: ["facts"]) else {
                    return .failure(RuleSetJSON.DecodeError(path: path, reason: "missing or not JSON"))
                }
                do throws(RuleSetJSON.DecodeError) {
                    return .success(try RuleSetJSON.decodeVersion(json, path))
                } catch {
                    return .failure(error)
                }
            }
            var versions: [Version] = []
            for result in decoded {
                switch result {
                case .success(let version): versions.append(version)
                case .failure(let error): throw error
                }
            }
            return WorkHistory(work: work, versions: versions)
        } catch {
            throw .decode(error)
        }
    }
}
