import Foundation
import Synchronization
import ZanText

extension RuleSetBuild {
    /// A work's files to publish: what differs from its folder (`RuleSetBuild.plan`).
    struct Publication: Sendable {
        /// The work's folder.
        var folder: String
        /// Every file the work has, by name in order (for their stamps once written).
        var names: [String]
        /// What the build reports of the work; `WorkWriter` adds the files' stamps.
        var emitted: Emitted
        /// The tables that differ from the files there.
        var tables: [(path: String, bytes: [UInt8])] = []
        /// The work's index, when it differs from the file there.
        var index: [UInt8]?
        /// Files of the folder the work no longer has, to remove.
        var stale: [String] = []
    }
}

/// Writes the works a build renders, while the cores render the next ones. A core hands over a
/// work's files (`submit`) and goes on; one thread publishes them, every work waiting at that
/// moment together: their tables as one stage and their indexes as the next, with one flush
/// of the file system for all of their bytes (`AtomicFile.write(stages:staging:)`).
///
/// When the cores each wrote their own works, a core waiting for the disk was a core not
/// rendering: a 1,000-work build rendered in 12.9 s, and rendered and wrote in 20.6 s (18 s with
/// this writer). And when rendering outpaces the disk, works wait here and go out in larger
/// batches, with fewer flushes.
/// At most `limit` works wait (their bytes are in memory, a few hundred kilobytes a work): a
/// core that would add one more waits for room. Sixty-four, not sixteen: a flush of the file
/// system waits for the disk, and with room for only sixteen the cores waited with it.
final class WorkWriter: Sendable {
    typealias Outcome = Result<RuleSetBuild.Emitted, RuleSetBuild.BuildError>

    private let staging: String
    private let queue = DispatchQueue(label: "zan.build.write")
    private let room: DispatchSemaphore
    private let waiting = Mutex<[RuleSetBuild.Publication]>([])
    private let outcomes = Mutex<[String: Outcome]>([:])

    /// `staging`: the folder of the temporary files (emptied by the build before it starts).
    init(staging: String, limit: Int = 64) {
        self.staging = staging
        room = DispatchSemaphore(value: max(1, limit))
    }

    /// Queues a work's files; waits only while `limit` works are waiting already.
    func submit(_ publication: RuleSetBuild.Publication) {
        room.wait()
        waiting.withLock { $0.append(publication) }
        // One block per work queued: a block finds every work waiting, and the ones after it
        // find none and return.
        queue.async { self.writeWaiting() }
    }

    /// What publishing each work did, by work id, once every work submitted is written.
    func finish() -> [String: Outcome] {
        queue.sync {}
        return outcomes.withLock { $0 }
    }

    private func writeWaiting() {
        let batch = waiting.withLock { waiting in
            defer { waiting = [] }
            return waiting
        }
        guard !batch.isEmpty else { return }
        let written = Self.publish(batch, staging: staging)
        outcomes.withLock { outcomes in
            for (publication, outcome) in zip(batch, written) { outcomes[publication.emitted.work] = outcome }
        }
        for _ in batch { room.signal() }
    }

    /// Writes the works' files: tables, then indexes (`AtomicFile.write(stages:staging:)`),
    /// then removes their stale files, and stamps what each work's folder holds. An I/O error
    /// fails every work of the batch: some of their files may be new and others old, each
    /// whole, and the build stops before its index says they are done.
    static func publish(_ batch: [RuleSetBuild.Publication], staging: String) -> [Outcome] {
        var tables: [(path: String, bytes: [UInt8])] = [], indexes: [(path: String, bytes: [UInt8])] = []
        for publication in batch {
            tables += publication.tables
            if let index = publication.index { indexes.append((publication.folder + "/" + RuleSetBuild.workIndex, index)) }
        }
        do {
            try AtomicFile.write(stages: [tables, indexes], staging: staging)
        } catch {
            return batch.map { _ in .failure(RuleSetBuild.BuildError(description: error.description)) }
        }
        return batch.map { publication in
            for name in publication.stale {
                let path = publication.folder + "/" + name
                do {
                    try FileManager.default.removeItem(atPath: path)
                } catch {
                    return .failure(RuleSetBuild.BuildError(description: "cannot remove \(path)"))
                }
            }
            if !publication.stale.isEmpty { AtomicFile.syncFolder(publication.folder) }
            var emitted = publication.emitted
            emitted.stamps = Array(zip(publication.names, FileStamp.stamps(in: publication.folder, publication.names)))
            return .success(emitted)
        }
    }
}
