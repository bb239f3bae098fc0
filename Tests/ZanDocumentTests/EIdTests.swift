import Testing
import Foundation
@testable import ZanDocument

@Suite("eId steps")
struct EIdTests {
    @Test("steps are the slices components(separatedBy: \"__\") gives, odd underscores included")
    func steps() {
        let eIds = ["att_1__chp_2__para_9__subpara_1", "para_13", "para_1__qstr_3", "", "__", "a___b", "a____b", "_a__b_", "att_2__table_1__row_8", "para_13-1"]
        for eId in eIds {
            #expect(EId.steps(of: eId) == eId.components(separatedBy: "__"), "\(eId)")
        }
    }

    @Test("prefixes are the eIds of the units that hold a unit, outermost first, itself last")
    func prefixes() {
        #expect(EId.prefixes(of: "att_1__chp_2__para_9") == ["att_1", "att_1__chp_2", "att_1__chp_2__para_9"])
        #expect(EId.prefixes(of: "para_13") == ["para_13"])
        #expect(EId.prefixes(of: "a___b") == ["a", "a___b"])
    }
}
