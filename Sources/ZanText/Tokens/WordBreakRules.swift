import Synchronization
import ZanICU

/// ICU rule-based break rules for legal Kazakh and Russian text.
///
/// ICU's default word rules split at hyphens and know nothing of legal numbering, so Zan compiles
/// its own (ICU's native way to tailor segmentation): "13-1-тармақ", "веб-порталы", "2)",
/// "12.07.2026", "www.egov.kz" stay whole. Each rule's `{status}` tells the tokenizer what matched.
///
/// A segment takes the spaces after it ("тармақ␣␣", ",␣", a line break and the next line's
/// indent): half of all segments were runs of spaces, each a boundary ICU found and the
/// tokenizer skipped. The tokenizer trims them off (`Segment.isTrailingSpace`). A segment that
/// ends in spaces may also match the space rule, chained on, and where several rules end at a
/// boundary ICU reports the largest of their statuses: every status that takes spaces is above
/// `space`'s.
public enum WordBreakRules {
    /// Rule status values, as tagged in `source`.
    enum Status: Int32 {
        case other = 0        // a single character no rule claims (punctuation, symbols), alone
        case space = 1        // a run of spaces no segment before took (at the text's start)
        case newline = 2
        case blank = 3        // a run of "_" (a form's fill-in blank)
        case mark = 50        // a character no other rule starts with (punctuation, symbols), then spaces
        case number = 100     // 1414, 12.07.2026, 9.00, 13-1, 8-800-080-7777
        case word = 200       // letters, hyphenated compounds: веб-порталы, сондай-ақ
        case numberedWord = 300 // 13-тармақ, 3-1-тармақпен, 2)-тармақшалары, 9.00-ден
        case parenNumber = 400 // 5), 5-1)
        case url = 500        // www.egov.kz
    }

    /// The RBBI rule source (public so the benchmark can time ICU on these rules alone).
    public static let source = #"""
    !!chain;
    $CR      = [\u000D];
    $LF      = [\u000A];
    $NL      = [\u000B\u000C\u0085\u2028\u2029];
    $Space   = [[:Zs:]\u0009];
    $Letter  = [[:L:][:M:]];
    $Latin   = [[:Latin:]];
    $Digit   = [[:Nd:]];
    $Hyphen  = [\u002D\u2010\u2011];
    $NumSep  = [.,:];
    $Number  = $Digit+ ($NumSep $Digit+)*;
    $Numbers = $Number ($Hyphen $Number)*;
    $Word    = $Letter+ ($Hyphen $Letter+)*;
    $Host    = $Latin+ ($Hyphen ($Latin | $Digit)+)*;
    $Mark    = [^$Letter $Digit $Space $CR $LF $NL \u005F];

    $Space+ {1};
    ($CR $LF | $CR | $LF | $NL) $Space* {2};
    '_'+ $Space* {3};
    $Mark $Space+ {50};
    $Numbers $Space* {100};
    $Word $Space* {200};
    $Numbers $Hyphen $Word $Space* {300};
    $Numbers [\u0029] $Hyphen $Word $Space* {300};
    $Numbers [\u0029] $Space* {400};
    $Host ('.' $Host)+ $Space* {500};
    $UrlChar = [[:Latin:][:Nd:]\u002D\u002E\u005F\u007E\u002F\u003F\u0023\u003D\u0026\u0025\u002B];
    ('http' | 'https' | 'HTTP' | 'HTTPS') '://' $UrlChar* [[:Latin:][:Nd:]\u002F] $Space* {500};
    """#

    /// The compiled rules, shared; each tokenization clones an iterator from it. Compiling
    /// them takes ICU about 15 ms, as long as a whole `zan show`: the compiled form is cached
    /// (`CompiledRulesCache`) and read back by later processes.
    static let compiled: BreakIteratorPrototype = {
        if let cached = CompiledRulesCache.open(source) { return cached }
        let units = Array(source.utf16)
        var status: Int32 = 0
        var line: Int32 = 0
        var offset: Int32 = 0
        let handle = units.withUnsafeBufferPointer {
            zan_brk_open_rules($0.baseAddress, Int32($0.count), &line, &offset, &status)
        }
        // The rules are part of the program: a syntax error in them is a programming error.
        guard let handle else {
            preconditionFailure("word-break rules do not compile: \(String(cString: zan_icu_error_name(status))) at rule line \(line), offset \(offset)")
        }
        CompiledRulesCache.store(handle, source)
        return BreakIteratorPrototype(handle: handle)
    }()
}

/// A compiled ICU break iterator kept only to be cloned: ICU iterators are not thread-safe, but
/// clones of one are independent. A clone let go is kept for the next tokenization (up to
/// `spareLimit` of them): cloning and closing one for every paragraph a build tokenizes cost
/// more than a short paragraph's breaking.
final class BreakIteratorPrototype: @unchecked Sendable {
    private let handle: OpaquePointer
    /// The compiled rules an iterator opened from them reads (ICU does not copy them).
    private let rules: UnsafeMutableRawBufferPointer?
    /// Clones no iterator holds, each given its next text before it is used again.
    private let spare = Mutex<[Clone]>([])
    /// A clone's handle, passed between threads: one thread at a time uses it.
    private struct Clone: @unchecked Sendable { let handle: OpaquePointer }
    static let spareLimit = 8

    init(handle: OpaquePointer, rules: UnsafeMutableRawBufferPointer? = nil) {
        self.handle = handle
        self.rules = rules
    }

    /// An iterator of its own for the caller (a spare clone, else a new one), until it goes.
    func makeIterator() -> BreakIterator {
        if let clone = spare.withLock({ $0.popLast() }) { return BreakIterator(handle: clone.handle, returningTo: self) }
        var status: Int32 = 0
        guard let clone = zan_brk_clone(handle, &status) else {
            preconditionFailure("ubrk_clone failed: \(String(cString: zan_icu_error_name(status)))")
        }
        return BreakIterator(handle: clone, returningTo: self)
    }

    /// Takes back a clone no iterator holds any more.
    fileprivate func keep(_ handle: OpaquePointer) {
        let clone = Clone(handle: handle)
        let kept = spare.withLock { spare in
            guard spare.count < Self.spareLimit else { return false }
            spare.append(clone)
            return true
        }
        if !kept { zan_brk_close(handle) }
    }

    deinit {
        for clone in spare.withLock({ $0 }) { zan_brk_close(clone.handle) }
        zan_brk_close(handle)
        rules?.deallocate()
    }
}

/// An owned ICU break iterator over a UTF-16 buffer.
final class BreakIterator {
    let handle: OpaquePointer
    /// The prototype the iterator is a clone of, which keeps it when it goes.
    private let prototype: BreakIteratorPrototype?

    init(handle: OpaquePointer, returningTo prototype: BreakIteratorPrototype? = nil) {
        self.handle = handle
        self.prototype = prototype
    }

    /// An iterator with ICU's default rules (0 word, 1 sentence, 2 line) for `locale`.
    static func standard(kind: Int32, locale: String = "") -> BreakIterator {
        var status: Int32 = 0
        guard let handle = zan_brk_open(kind, locale, &status) else {
            preconditionFailure("ubrk_open failed: \(String(cString: zan_icu_error_name(status)))")
        }
        return BreakIterator(handle: handle)
    }

    /// Sets the text; the buffer must stay alive while iterating.
    func setText(_ text: UnsafeBufferPointer<UInt16>) {
        var status: Int32 = 0
        zan_brk_set_text(handle, text.baseAddress, Int32(text.count), &status)
        precondition(status <= 0, "ubrk_setText failed: \(String(cString: zan_icu_error_name(status)))")
    }

    /// The next boundary, or nil at the end.
    @inline(__always)
    func next() -> Int? {
        let boundary = zan_brk_next(handle)
        return boundary < 0 ? nil : Int(boundary)
    }

    deinit {
        if let prototype { prototype.keep(handle) } else { zan_brk_close(handle) }
    }
}
