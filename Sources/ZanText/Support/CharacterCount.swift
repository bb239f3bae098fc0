extension String {
    /// `count` (the text's characters: grapheme clusters), counted by scalars where every
    /// scalar is a character of its own: printable ASCII, tab and line feed (no carriage return,
    /// which joins a line feed), Latin-1 to the spacing modifiers (below the combining marks at
    /// U+0300), Cyrillic without its combining marks (U+0483–U+0489), and the dashes, quotes
    /// and other general punctuation (not the joiners U+200B–U+200F and U+2060–U+206F). Any
    /// other scalar leaves the count to `count`, which runs Unicode's grapheme rules: on
    /// Kazakh and Russian text, ten times slower and the same answer.
    public var characterCount: Int {
        var scalars = 0
        for scalar in unicodeScalars {
            let value = scalar.value
            let alone = (value >= 0x20 && value < 0x7F) || value == 0x09 || value == 0x0A || (value >= 0xA0 && value < 0x300)
                || (value >= 0x400 && value < 0x483) || (value >= 0x48A && value < 0x530)
                || (value >= 0x2010 && value < 0x2028) || (value >= 0x2030 && value < 0x205F)
            guard alone else { return count }
            scalars += 1
        }
        return scalars
    }
}
