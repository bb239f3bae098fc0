import Foundation

/// `rules/.lock`: one `zan build` writes `rules/` at a time. The lock is an `flock(2)` on the
/// file, so it goes away with the process that holds it (a killed build leaves no stale lock);
/// the file keeps the holder's pid for the message. A `--check` takes it shared: it waits for
/// no one, but does not read a set a build is halfway through writing.
final class BuildLock {
    private let descriptor: Int32

    struct Busy: Error, CustomStringConvertible {
        let path: String
        let holder: String?
        let exclusive: Bool
        var description: String {
            let who = holder.map { "zan build (pid \($0))" } ?? "another zan build"
            return exclusive
                ? "\(who) is writing \((path as NSString).deletingLastPathComponent)/ (it holds \(path)); wait for it to finish, then run again"
                : "\(who) is writing \((path as NSString).deletingLastPathComponent)/ (it holds \(path)); check again when it has finished"
        }
    }

    /// The lock file's name inside the output folder.
    static let fileName = ".lock"

    /// Takes the lock on `out`, or throws `Busy` at once when another process holds it.
    /// `exclusive` (a build): creates the folder and the lock file, and writes its pid there.
    /// Shared (a `--check`, which writes nothing): only when the lock file exists and can be
    /// opened; nil otherwise (no build has locked this folder, or it is read-only).
    static func acquire(_ out: String, exclusive: Bool) throws(RuleSetBuild.BuildError) -> BuildLock? {
        let path = out + "/" + fileName
        if exclusive {
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                throw RuleSetBuild.BuildError(description: "cannot create \(out): \(error.localizedDescription)")
            }
        }
        let descriptor = exclusive ? open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644) : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if !exclusive { return nil }
            throw RuleSetBuild.BuildError(description: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            close(descriptor)
            throw RuleSetBuild.BuildError(description: Busy(path: path, holder: holder?.isEmpty == false ? holder : nil,
                                                            exclusive: exclusive).description, busy: true)
        }
        if exclusive {
            ftruncate(descriptor, 0)
            let pid = Array("\(getpid())\n".utf8)
            _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, pid.count, 0) }
        }
        return BuildLock(descriptor: descriptor)
    }

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
