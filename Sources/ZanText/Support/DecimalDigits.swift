/// Non-negative integers as ASCII decimal digits, read and written on bytes: the build's files
/// hold many of them (file times and sizes in the stamps, runs and spans in the tables), and
/// going through `String` made each one a string first.
public enum DecimalDigits {
    /// The value of `digits`, nothing but ASCII digits; nil when there are none, another byte
    /// is among them, or the value does not fit in 64 bits.
    public static func value(of digits: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64? {
        guard !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times10.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }

    /// Appends the digits of `value`, the most significant first.
    public static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var power: UInt64 = 1
        while value / power >= 10 { power *= 10 }
        var rest = value
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / power))
            rest %= power
            power /= 10
        } while power > 0
    }
}
