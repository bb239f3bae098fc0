import ZanCrypto

/// SHA-256 (FIPS 180-4) of a byte sequence, as lowercase hex: the content hash of corpus inputs
/// and of published rule-set files (and the check of cached compiled rules). Foundation on Linux
/// has no digest API; the system's libcrypto (through the `ZanCrypto` shim) hashes with the
/// processor's SHA instructions (hashing fell from 11 % to 2 % of a build's CPU against the
/// portable compression function this replaced — a build hashes every file it writes).
public enum SHA256 {
    public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest(bytes) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xf)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The 32-byte digest.
    public static func digest<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        if let digest = bytes.withContiguousStorageIfAvailable(digest(of:)) { return digest }
        return Array(bytes).withUnsafeBufferPointer(digest(of:))
    }

    public static func hex(_ string: String) -> String { hex(Array(string.utf8)) }

    private static func digest(of buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { out, count in
            let status = zan_sha256(buffer.baseAddress, buffer.count, out.baseAddress)
            // libcrypto hashing memory fails only when it cannot allocate: no digest to give.
            precondition(status == 1, "libcrypto failed to compute a SHA-256")
            count = 32
        }
    }
}
