import Glibc

/// Buffered standard output: large outputs (a token per line) are written in big chunks.
struct StandardOutput {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        writeAll(buffer, to: 1)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Writes every byte to a file descriptor, retrying short writes and interruptions; stops
/// quietly when the reader has gone (a closed pipe: `zan tokens … | head`).
func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    bytes.withUnsafeBytes { raw in
        guard let base = raw.baseAddress else { return }
        var offset = 0
        while offset < raw.count {
            let written = Glibc.write(descriptor, base + offset, raw.count - offset)
            if written < 0, errno == EINTR { continue }
            if written <= 0 { break }
            offset += written
        }
    }
}

/// Unbuffered standard error.
enum StandardError {
    static func write(_ text: String) {
        writeAll(Array(text.utf8), to: 2)
    }
}
