import ZanText
import ZanTimeline

extension WorkDiff {
    /// The diff as one self-contained HTML page: no script, no external style, font or image, so
    /// it opens offline and makes no request. A header with the versions compared, a table of
    /// contents of the changed provisions, then each change: its provenance and the redline
    /// (`<del>` / `<ins>`) or, where a side is not in the corpus, both sides next to each other.
    /// The markup is also well-formed XML (every element closed, only the five XML entities).
    public func html() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="kk">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(Self.escape(work.id)): \(oldDate) → \(newDate)</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <div class="page">

            """
        out += "<h1>\(Self.escape(work.title ?? work.id))</h1>\n"
        out += "<p class=\"meta\"><code>\(Self.escape(work.id))</code></p>\n"
        out += "<table class=\"versions\">\n"
        out += "<tr><th>From</th><td>\(oldDate)</td><td>version \(Self.escape(Self.interval(old)))</td></tr>\n"
        out += "<tr><th>To</th><td>\(newDate)</td><td>version \(Self.escape(Self.interval(new)))</td></tr>\n"
        if let order { out += "<tr><th>Order</th><td colspan=\"2\"><code>\(Self.escape(order))</code></td></tr>\n" }
        out += "<tr><th>Amended by</th><td colspan=\"2\">"
            + (amendedBy.isEmpty ? "nothing (the same version)" : amendedBy.map { "<code>\(Self.escape($0))</code>" }.joined(separator: ", "))
            + "</td></tr>\n</table>\n"
        out += "<p class=\"summary\">\(Self.escape(summaryLine))</p>\n"

        if !valueChanges.isEmpty {
            out += "<h2>Rule values changed</h2>\n<table class=\"values\">\n"
                + "<tr><th>Provision</th><th>Value</th><th>Before</th><th>After</th></tr>\n"
            for change in valueChanges {
                out += "<tr><td>\(Self.escape(change.unit.label)) <code>\(Self.escape(change.after.eId))</code></td>"
                    + "<td>\(change.after.kind.rawValue)</td>"
                    + "<td><del>\(Self.escape(ValueChange.describe(change.before)))</del><br/>«\(Self.escape(change.before.source))»</td>"
                    + "<td><ins>\(Self.escape(ValueChange.describe(change.after)))</ins><br/>«\(Self.escape(change.after.source))»"
                    + (change.provenance.map { "<br/><span class=\"by\">\(Self.byHTML($0))</span>" } ?? "") + "</td></tr>\n"
            }
            out += "</table>\n"
        }
        let changes = changes
        // Labels are relative to their attachment: name it in the contents when there are several.
        let severalParts = Set(changes.map(\.unit.part)).count > 1
        if !changes.isEmpty {
            out += "<h2>Changed provisions</h2>\n<ol class=\"toc\">\n"
            for (index, change) in changes.enumerated() {
                out += "<li><a href=\"#change-\(index + 1)\">\(Self.escape(severalParts ? (change.unit.part ?? "act") + ": " + change.unit.label : change.unit.label))</a>"
                    + " <span class=\"kind \(change.kind.rawValue)\">\(change.kind.rawValue)</span></li>\n"
            }
            out += "</ol>\n"
        }

        var part: String?? = .none
        var number = 0
        for entry in entries {
            if part != .some(entry.part) {
                part = .some(entry.part)
                out += "<h2 class=\"part\">\(Self.escape(partTitle(entry.part)))</h2>\n"
            }
            switch entry {
            case .unchanged(let units):
                out += "<p class=\"unchanged\">⋯ unchanged: \(Self.escape(Self.list(units.map(\.label))))</p>\n"
            case .change(let change):
                number += 1
                out += Self.html(change, number: number)
            }
        }
        out += "</div>\n</body>\n</html>\n"
        return out
    }

    static func html(_ change: ProvisionChange, number: Int) -> String {
        var out = "<div class=\"change \(change.kind.rawValue)\" id=\"change-\(number)\">\n"
        out += "<h3><span class=\"kind \(change.kind.rawValue)\">\(change.kind.rawValue)</span> \(escape(change.unit.label))"
        if let old = change.oldUnit { out += " <span class=\"was\">(was \(escape(old.label)))</span>" }
        if let eId = change.unit.eId { out += " <code>\(escape(eId))</code>" }
        out += "</h3>\n"
        for provenance in change.provenance { out += "<p class=\"by\">\(byHTML(provenance))</p>\n" }
        if change.kind == .restated {
            out += "<p class=\"note\">Set again in the same words.</p>\n"
            if case .text(let lines, _) = change.after { out += "<div class=\"text\">\(escape(lines.joined(separator: "\n")))</div>\n" }
        } else if let words = change.words {
            out += "<div class=\"text\">"
            for segment in words {
                let text = escape(segment.text)
                switch segment.op {
                case .equal: out += text
                case .delete: out += "<del>\(text)</del>"
                case .insert: out += "<ins>\(text)</ins>"
                }
            }
            out += "</div>\n"
        } else {
            out += "<table class=\"sides\">\n<tr><th>Before</th><th>After</th></tr>\n<tr>"
            // Struck-through or underlined only when the other side has nothing: a wording beside
            // "not in corpus" is neither deleted nor inserted.
            let gone = change.after == .absent || change.after == .repealed
            out += side(change.before, tag: gone ? "del" : nil) + side(change.after, tag: change.before == .absent ? "ins" : nil)
            out += "</tr>\n</table>\n"
        }
        return out + "</div>\n"
    }

    static func side(_ side: DiffSide, tag: String?) -> String {
        switch side {
        case .absent: return "<td class=\"none\">—</td>"
        case .notInCorpus: return "<td class=\"unknown\">not in corpus</td>"
        case .repealed: return "<td class=\"none\">struck out</td>"
        case .text(let lines, let complete):
            let note = complete ? "" : "<p class=\"note\">Parts of it are not in the corpus.</p>"
            let text = escape(lines.joined(separator: "\n"))
            return "<td>\(note)<div class=\"text\">\(tag.map { "<\($0)>\(text)</\($0)>" } ?? text)</div></td>"
        }
    }

    static func byHTML(_ provenance: Provenance) -> String {
        let parts = ProvenanceParts(provenance)
        var out = "By <b>\(escape(parts.act))</b>\(escape(parts.detail))"
        if let when = parts.when {
            out += "; " + (parts.provisional ? "<span class=\"provisional\">\(escape(when))</span>" : escape(when))
        }
        return out + " · <code>\(escape(parts.location))</code>"
    }

    /// Text for HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// The page's only style: system fonts with Cyrillic (Kazakh letters included), a
    /// legislation-style redline, readable when printed.
    static let style = """

        body { margin: 0; background: #f6f6f3; color: #1b1b1b;
          font-family: "Noto Serif", "PT Serif", "DejaVu Serif", "Liberation Serif", "Times New Roman", serif;
          font-size: 17px; line-height: 1.55; }
        .page { max-width: 56em; margin: 0 auto; padding: 1.5em 2em 4em; background: #fff; }
        h1 { font-size: 1.5em; line-height: 1.3; margin: 0.2em 0 0.3em; }
        h2 { font-size: 1.15em; margin: 1.6em 0 0.6em; border-bottom: 1px solid #ccc; }
        h3 { font-size: 1em; margin: 0 0 0.3em; }
        code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.85em; color: #444; }
        table.versions th { text-align: left; padding-right: 1em; font-weight: normal; color: #555; }
        table.versions td { padding-right: 1em; }
        .summary { font-weight: bold; }
        .toc { columns: 2; }
        .change { border-left: 4px solid #999; padding: 0.4em 0 0.6em 1em; margin: 1.2em 0; }
        .change.added { border-color: #1a7f37; }
        .change.removed, .change.repealed { border-color: #cf222e; }
        .change.changed, .change.moved { border-color: #bf8700; }
        .kind { font-family: "DejaVu Sans", "Liberation Sans", "Noto Sans", Arial, sans-serif; font-size: 0.75em;
          text-transform: uppercase; letter-spacing: 0.05em; padding: 0.05em 0.4em; border-radius: 3px; background: #eee; }
        .kind.added { background: #dafbe1; } .kind.removed, .kind.repealed { background: #ffebe9; }
        .kind.changed, .kind.moved { background: #fff8c5; }
        .by { color: #555; font-size: 0.9em; margin: 0.2em 0; }
        .provisional { background: #fff8c5; padding: 0 0.3em; border-radius: 3px; }
        .was, .note, .unchanged { color: #666; }
        .text { white-space: pre-wrap; }
        del { background: #ffebe9; color: #82071e; text-decoration: line-through; }
        ins { background: #dafbe1; color: #055d20; text-decoration: underline; }
        table.sides { width: 100%; border-collapse: collapse; table-layout: fixed; }
        table.sides th { text-align: left; color: #555; font-weight: normal; }
        table.sides td { vertical-align: top; padding: 0.3em 0.6em; border: 1px solid #ddd; }
        td.unknown, td.none { color: #666; font-style: italic; }
        table.values { border-collapse: collapse; }
        table.values th { text-align: left; color: #555; font-weight: normal; padding: 0.2em 0.6em; }
        table.values td { vertical-align: top; padding: 0.3em 0.6em; border: 1px solid #ddd; }
        @media print { body { background: #fff; } .page { padding: 0; } }

        """
}
