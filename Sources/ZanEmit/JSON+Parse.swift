import Foundation
import ZanText

extension JSON {
    /// Parses JSON text (Foundation's parser, mapped onto `JSON`); nil for anything that is not
    /// JSON or holds a non-integer number (no Zan file has one).
    public static func parse(_ data: Data) -> JSON? {
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        return convert(object)
    }

    private static func convert(_ object: Any) -> JSON? {
        switch object {
        case is NSNull: return .null
        case let string as String: return .string(string)
        case let number as NSNumber:
            // Booleans come back as NSNumber too; only their type name tells them apart.
            if String(describing: type(of: number)).contains("Boolean") { return .bool(number.boolValue) }
            guard String(cString: number.objCType) != "d", String(cString: number.objCType) != "f" else { return nil }
            return .int(number.intValue)
        case let array as [Any]:
            var out: [JSON] = []
            for item in array {
                guard let value = convert(item) else { return nil }
                out.append(value)
            }
            return .array(out)
        case let dictionary as [String: Any]:
            var out: [String: JSON] = [:]
            for (key, item) in dictionary {
                guard let value = convert(item) else { return nil }
                out[key] = value
            }
            return .object(out)
        default: return nil
        }
    }

    public subscript(key: String) -> JSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var int: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var array: [JSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var object: [String: JSON]? {
        if case .object(let value) = self { return value }
        return nil
    }
}
