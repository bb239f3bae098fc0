/// Source text with location markers (1️⃣ 2️⃣ …) where diagnostics are expected, as swift-syntax's
/// tests write them. The markers are removed; their byte offsets in the clean text are kept.
public struct MarkedSource {
    public static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    /// The text without markers.
    public let text: String
    /// Marker → byte offset in `text`.
    public let offsets: [String: Int]

    public init(_ marked: String) {
        var text = ""
        var offsets: [String: Int] = [:]
        var rest = Substring(marked)
        outer: while !rest.isEmpty {
            for marker in Self.markers where rest.hasPrefix(marker) {
                offsets[marker] = text.utf8.count
                rest = rest.dropFirst(marker.count)
                continue outer
            }
            text.append(rest.removeFirst())
        }
        self.text = text
        self.offsets = offsets
    }

    /// The offset of a marker; traps when the test text lacks it (a broken test, not input).
    public subscript(marker: String) -> Int {
        guard let offset = offsets[marker] else { preconditionFailure("no marker \(marker) in test text") }
        return offset
    }
}
