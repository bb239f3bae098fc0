import Foundation
import ZanICU

/// Compiled break rules kept between processes, so a short command (`zan show`) does not pay
/// ICU's rule compiler on every run.
///
/// The file is `<cache>/word-break-<ICU version>-<hash of the rules>.brk`: the compiled rules
/// (`ubrk_getBinaryRules`) and their SHA-256. A new ICU or edited rules get a new name; a file
/// whose hash does not match, or that ICU refuses, is ignored and the rules are compiled again.
/// The cache folder is `$ZAN_CACHE_DIR`, else `$XDG_CACHE_HOME/zan`, else `~/.cache/zan`;
/// `ZAN_CACHE_DIR=` (empty) turns the cache off. Writing is best-effort and atomic (a temporary
/// file renamed): a cache that cannot be written only costs the compile time.
enum CompiledRulesCache {
    static let digestLength = 32

    /// The cache file for rules `source`, or nil when caching is off or no folder is known.
    static func path(_ source: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        let folder: String
        if let configured = environment["ZAN_CACHE_DIR"] {
            guard !configured.isEmpty else { return nil }
            folder = configured
        } else if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            folder = xdg + "/zan"
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            folder = home + "/.cache/zan"
        } else {
            return nil
        }
        var version = [CChar](repeating: 0, count: 32)
        zan_icu_version(&version, Int32(version.count))
        let icu = String(decoding: version.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return folder + "/word-break-\(icu)-\(SHA256.hex(Array(source.utf8)).prefix(16)).brk"
    }

    /// The rules read back from the cache, or nil (none cached, damaged, or refused by ICU).
    static func open(_ source: String) -> BreakIteratorPrototype? {
        guard let path = path(source), let data = FileManager.default.contents(atPath: path),
              data.count > digestLength else { return nil }
        let rules = data.prefix(data.count - digestLength)
        guard SHA256.digest(Array(rules)) == Array(data.suffix(digestLength)) else { return nil }
        // ICU reads the compiled rules in place for as long as the iterator lives: a copy
        // owned by the prototype.
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: rules.count, alignment: 16)
        buffer.copyBytes(from: rules)
        var status: Int32 = 0
        guard let handle = zan_brk_open_binary_rules(buffer.baseAddress?.assumingMemoryBound(to: UInt8.self),
                                                     Int32(buffer.count), &status) else {
            buffer.deallocate()
            return nil
        }
        return BreakIteratorPrototype(handle: handle, rules: buffer)
    }

    /// Writes the compiled form of `handle`'s rules for later processes; failures are ignored.
    static func store(_ handle: OpaquePointer, _ source: String) {
        guard let path = path(source) else { return }
        var status: Int32 = 0
        let length = zan_brk_binary_rules(handle, nil, 0, &status)
        guard status <= 0, length > 0 else { return }
        var rules = [UInt8](repeating: 0, count: Int(length))
        _ = zan_brk_binary_rules(handle, &rules, length, &status)
        guard status <= 0 else { return }
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(rules + SHA256.digest(rules)).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}
