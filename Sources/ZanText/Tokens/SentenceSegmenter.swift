import ZanICU

/// Sentence boundaries from ICU's standard sentence rules.
public enum SentenceSegmenter {
    /// The sentences of a normalized text as UTF-16 unit ranges (trailing whitespace included,
    /// as ICU reports them).
    public static func sentences(in text: NormalizedText) -> [Range<Int>] {
        let iterator = BreakIterator.standard(kind: 1)
        var sentences: [Range<Int>] = []
        text.units.withUnsafeBufferPointer { buffer in
            iterator.setText(buffer)
            var start = 0
            while let end = iterator.next() {
                sentences.append(start..<end)
                start = end
            }
        }
        return sentences
    }
}
