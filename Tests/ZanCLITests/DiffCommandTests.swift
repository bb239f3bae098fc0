import Foundation
import Testing
import ZanTestSupport

@Suite("zan diff")
struct DiffCommandTests {
    @Test("--from 2026-07-11 --to 2026-07-12 lists Order 130's provisions; point 13 shows one word replaced")
    func acceptance() throws {
        let result = try ZanBinary.run(["diff", "V2300033763", "--from", "2026-07-11", "--to", "2026-07-12"])
        #expect(result.status == 0, "\(result.stderr)")
        let headers = result.stdout.split(separator: "\n").filter { $0.hasPrefix("~ ") }
            .map { $0.dropFirst(2).components(separatedBy: " — ")[0] }
        #expect(headers == ["2.5)", "5", "6", "9", "10", "13", "14.1)", "14.2)", "16", "17", "appendix 1", "appendix 2"])
        // Twelve changes and one rule value (the portal's name in point 13), each by the order.
        #expect(result.stdout.components(separatedBy: "by V2600038247 para_1 (replace), in force 2026-07-12").count - 1 == 13)
        #expect(result.stdout.contains("13 [att_1__para_13]: channel portal электрондық үкімет → portal цифрлық үкімет"))
        #expect(result.stdout.contains("не \"[-электрондық-]{+цифрлық+} үкімет\" веб-порталы"))
        #expect(result.stdout.components(separatedBy: "[-").count - 1 == 1, "one deletion in the whole diff: point 13's word")
        #expect(result.stdout.components(separatedBy: "before: not in corpus").count - 1 == 11)
        #expect(!result.stdout.contains("\u{1B}["), "no color when standard output is not a terminal")
    }

    @Test("--order V2600038247 gives the same result")
    func order() throws {
        let dates = try ZanBinary.run(["diff", "V2300033763", "--from", "2026-07-11", "--to", "2026-07-12"])
        let order = try ZanBinary.run(["diff", "V2300033763", "--order", "V2600038247"])
        #expect(order.status == 0)
        #expect(order.stdout.replacingOccurrences(of: "order: V2600038247\n", with: "") == dates.stdout)
        // JSON: the same but for "order".
        let jsonByDates = try ZanBinary.run(["diff", "V2300033763", "--from", "2026-07-11", "--to", "2026-07-12", "--format", "json"])
        let jsonByOrder = try ZanBinary.run(["diff", "V2300033763", "--order", "V2600038247", "--format", "json"])
        #expect(jsonByOrder.stdout.contains("\"order\": \"V2600038247\""))
        #expect(jsonByOrder.stdout.replacingOccurrences(of: "\"order\": \"V2600038247\"", with: "\"order\": null") == jsonByDates.stdout)
        // HTML: the same but for the order's row.
        let htmlByDates = try ZanBinary.run(["diff", "V2300033763", "--from", "2026-07-11", "--to", "2026-07-12", "--format", "html"])
        let htmlByOrder = try ZanBinary.run(["diff", "V2300033763", "--order", "V2600038247", "--format", "html"])
        let orderRow = "<tr><th>Order</th><td colspan=\"2\"><code>V2600038247</code></td></tr>\n"
        #expect(htmlByOrder.stdout.contains(orderRow))
        #expect(htmlByOrder.stdout.replacingOccurrences(of: orderRow, with: "") == htmlByDates.stdout)
    }

    @Test("--format json is valid against the published schema; --format html writes a file with --out")
    func formats() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zan-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("order.json").path
        let html = folder.appendingPathComponent("out/order.html").path
        let wroteJSON = try ZanBinary.run(["diff", "V2300033763", "--order", "V2600038247", "--format", "json", "--out", json])
        let wroteHTML = try ZanBinary.run(["diff", "V2300033763", "--order", "V2600038247", "--format", "html", "--out", html])
        #expect(wroteJSON.status == 0 && wroteJSON.stdout.isEmpty && wroteHTML.status == 0 && wroteHTML.stdout.isEmpty)
        let validation = try ExternalTool.validateRules(Golden.packageRoot.appendingPathComponent("rules").path, diffs: [json])
        #expect(validation.status == 0, "\(validation.output)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<del>электрондық</del><ins>цифрлық</ins>"))
        #expect(page.contains("<a href=\"#change-6\">13</a>"))
        #expect(page.components(separatedBy: "<td class=\"unknown\">not in corpus</td>").count - 1 == 11)
    }

    @Test("--color always colors deletions red and insertions green")
    func color() throws {
        let result = try ZanBinary.run(["diff", "V2300033763", "--order", "V2600038247", "--color", "always"])
        #expect(result.stdout.contains("\u{1B}[9;31mэлектрондық\u{1B}[0m\u{1B}[4;32mцифрлық\u{1B}[0m"))
    }

    @Test("exit codes: 4 before the work exists, 1 for an order that does not amend it or an unknown work, 64 for usage")
    func exitCodes() throws {
        let early = try ZanBinary.run(["diff", "V2300033763", "--from", "2020-01-01", "--to", "2026-07-12"])
        #expect(early.status == 4 && early.stderr.contains("not in force yet on 2020-01-01"))
        let stranger = try ZanBinary.run(["diff", "V2300033763", "--order", "V2100023983"])
        #expect(stranger.status == 1 && stranger.stderr.contains("V2100023983 does not amend V2300033763")
                && stranger.stderr.contains("V2500035943, V2600038247"))
        let unknown = try ZanBinary.run(["diff", "V1999999999", "--order", "V2600038247"])
        #expect(unknown.status == 1 && unknown.stderr.contains("no rule set for V1999999999"))
        for arguments in [["--from", "2026-07-11"], ["--order", "V2600038247", "--from", "2026-07-11"],
                          ["--from", "2026-07-12", "--to", "2026-07-11"], ["--from", "11.07.2026", "--to", "2026-07-12"], []] {
            let usage = try ZanBinary.run(["diff", "V2300033763"] + arguments)
            #expect(usage.status == 64, "\(arguments): \(usage.stderr)")
        }
    }

    @Test("the same version on both dates: no changes, exit 0")
    func noChange() throws {
        let result = try ZanBinary.run(["diff", "V2300033763", "--from", "2026-07-12", "--to", "2026-08-01"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("amended by: nothing (the same version)") && result.stdout.contains("no changes, 13 unchanged")
                && result.stdout.contains("⋯ unchanged: 2.5), 5, 6, 9, 10, 13, … 24.19), appendix 1, appendix 2 (13 in all)"))
    }
}
