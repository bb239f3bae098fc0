/*
 * zan_icu.c — thin wrappers over ICU's C API. The only file in Zan that includes <unicode/…>.
 */
#include "zan_icu.h"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

#include <stdatomic.h>
#include <stddef.h>

_Static_assert(sizeof(UChar) == sizeof(uint16_t), "UChar must be 16 bits");

const char *zan_icu_error_name(int32_t status) {
    return u_errorName((UErrorCode)status);
}

int32_t zan_icu_utf8_to_utf16(const uint8_t *src, int32_t length, uint16_t *dest,
                              int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t written = 0;
    u_strFromUTF8Lenient((UChar *)dest, capacity, &written, (const char *)src, length, &code);
    *status = code;
    return written;
}

int32_t zan_icu_utf16_to_utf8(const uint16_t *src, int32_t length, uint8_t *dest,
                              int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t written = 0;
    u_strToUTF8WithSub((char *)dest, capacity, &written, (const UChar *)src, length, 0xFFFD, NULL, &code);
    *status = code;
    return written;
}

static const UNormalizer2 *nfc(UErrorCode *code) {
    return unorm2_getNFCInstance(code);
}

int32_t zan_icu_nfc_quick_span(const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    const UNormalizer2 *n = nfc(&code);
    int32_t span = U_SUCCESS(code) ? unorm2_spanQuickCheckYes(n, (const UChar *)text, length, &code) : 0;
    *status = code;
    return span;
}

/*
 * ICU's answer for each BMP code point, cached: 1 when the code point is an NFC starter that
 * stays as it is whatever surrounds it on the left (quick check YES for it alone, combining
 * class 0, a normalization boundary before it), 2 when not (or a surrogate), 0 not asked yet.
 * Filled a block of 256 at a time, the first time a text holds one of them; threads that fill
 * the same block at once store the same values.
 */
static _Atomic uint8_t nfc_starter_state[0x10000];

/* Fills the block of `unit` and returns its state (kept out of line: rarely called). */
__attribute__((noinline)) static uint8_t nfc_fill_block(const UNormalizer2 *n, uint16_t unit) {
    uint32_t first = unit & 0xFF00u;
    for (uint32_t c = first; c < first + 0x100u; c++) {
        uint8_t state = 2;
        if (c < 0xD800u || c > 0xDFFFu) {
            UChar single = (UChar)c;
            UErrorCode code = U_ZERO_ERROR;
            if (unorm2_hasBoundaryBefore(n, (UChar32)c) && unorm2_getCombiningClass(n, (UChar32)c) == 0
                && unorm2_quickCheck(n, &single, 1, &code) == UNORM_YES && U_SUCCESS(code)) {
                state = 1;
            }
        }
        atomic_store_explicit(&nfc_starter_state[c], state, memory_order_relaxed);
    }
    return atomic_load_explicit(&nfc_starter_state[unit], memory_order_relaxed);
}

static inline int nfc_is_starter(const UNormalizer2 *n, uint16_t unit) {
    uint8_t state = atomic_load_explicit(&nfc_starter_state[unit], memory_order_relaxed);
    if (__builtin_expect(state == 0, 0)) state = nfc_fill_block(n, unit);
    return state == 1;
}

/*
 * A run of such starters is NFC (none composes with the one before it: that would need a
 * character without a boundary before it), and text after one cannot change text before
 * it. So the run is stepped over with one table lookup a unit, and ICU's quick check is asked
 * only of each stretch of other code units, from the starter before it (which a combining mark
 * may compose with) to the next starter: ICU's loop costs several times the lookup, and
 * legal text is nearly all such starters.
 */
int32_t zan_icu_nfc_span(const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    const UNormalizer2 *n = nfc(&code);
    *status = code;
    if (U_FAILURE(code)) return 0;
    int32_t position = 0;
    while (position < length) {
        /* The run of starters whose state is known, then the unit that ended it. */
        while (position < length
               && atomic_load_explicit(&nfc_starter_state[text[position]], memory_order_relaxed) == 1) {
            position++;
        }
        if (position == length) break;
        if (nfc_is_starter(n, text[position])) {
            position++;
            continue;
        }
        int32_t start = position > 0 ? position - 1 : 0;
        int32_t end = position + 1;
        while (end < length && !nfc_is_starter(n, text[end])) end++;
        int32_t span = unorm2_spanQuickCheckYes(n, (const UChar *)text + start, end - start, &code);
        *status = code;
        if (U_FAILURE(code)) return start;
        if (span < end - start) return start + span;
        position = end;
    }
    return length;
}

int32_t zan_icu_nfc_boundary_before(int32_t c) {
    UErrorCode code = U_ZERO_ERROR;
    const UNormalizer2 *n = nfc(&code);
    return U_SUCCESS(code) && unorm2_hasBoundaryBefore(n, (UChar32)c) ? 1 : 0;
}

int32_t zan_icu_nfc(const uint16_t *text, int32_t length, uint16_t *dest, int32_t capacity,
                    int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    const UNormalizer2 *n = nfc(&code);
    int32_t written = 0;
    if (U_SUCCESS(code)) {
        written = unorm2_normalize(n, (const UChar *)text, length, (UChar *)dest, capacity, &code);
    }
    *status = code;
    return written;
}

int32_t zan_icu_script(int32_t c) {
    UErrorCode code = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript((UChar32)c, &code);
    if (U_FAILURE(code)) return ZAN_SCRIPT_OTHER;
    switch (script) {
    case USCRIPT_COMMON: return ZAN_SCRIPT_COMMON;
    case USCRIPT_INHERITED: return ZAN_SCRIPT_INHERITED;
    case USCRIPT_LATIN: return ZAN_SCRIPT_LATIN;
    case USCRIPT_CYRILLIC: return ZAN_SCRIPT_CYRILLIC;
    default: return ZAN_SCRIPT_OTHER;
    }
}

int32_t zan_icu_category(int32_t c) {
    switch (u_charType((UChar32)c)) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER: case U_OTHER_LETTER:
        return ZAN_CATEGORY_LETTER;
    case U_NON_SPACING_MARK: case U_ENCLOSING_MARK: case U_COMBINING_SPACING_MARK:
        return ZAN_CATEGORY_MARK;
    case U_DECIMAL_DIGIT_NUMBER: return ZAN_CATEGORY_DIGIT;
    case U_SPACE_SEPARATOR: return ZAN_CATEGORY_SPACE_SEPARATOR;
    case U_DASH_PUNCTUATION: return ZAN_CATEGORY_DASH;
    case U_START_PUNCTUATION: return ZAN_CATEGORY_OPEN;
    case U_END_PUNCTUATION: return ZAN_CATEGORY_CLOSE;
    case U_INITIAL_PUNCTUATION: return ZAN_CATEGORY_INITIAL_QUOTE;
    case U_FINAL_PUNCTUATION: return ZAN_CATEGORY_FINAL_QUOTE;
    case U_OTHER_PUNCTUATION: case U_CONNECTOR_PUNCTUATION: return ZAN_CATEGORY_OTHER_PUNCTUATION;
    case U_MATH_SYMBOL: case U_CURRENCY_SYMBOL: case U_MODIFIER_SYMBOL: case U_OTHER_SYMBOL:
    case U_LETTER_NUMBER: case U_OTHER_NUMBER:
        return ZAN_CATEGORY_SYMBOL;
    case U_CONTROL_CHAR: case U_FORMAT_CHAR: case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR:
        return ZAN_CATEGORY_CONTROL;
    default:
        return ZAN_CATEGORY_OTHER;
    }
}

int32_t zan_icu_to_lower(int32_t c) {
    return (int32_t)u_tolower((UChar32)c);
}

/* The opaque handle is the ICU iterator itself; the struct is never defined. */
#define AS_ICU(it) ((UBreakIterator *)(it))
#define AS_ZAN(it) ((zan_break_iterator *)(it))

zan_break_iterator *zan_brk_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBreakIteratorType type = kind == 1 ? UBRK_SENTENCE : kind == 2 ? UBRK_LINE : UBRK_WORD;
    UBreakIterator *it = ubrk_open(type, locale, NULL, 0, &code);
    *status = code;
    return U_SUCCESS(code) ? AS_ZAN(it) : NULL;
}

zan_break_iterator *zan_brk_open_rules(const uint16_t *rules, int32_t length, int32_t *error_line,
                                       int32_t *error_offset, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UParseError parse_error;
    UBreakIterator *it = ubrk_openRules((const UChar *)rules, length, NULL, 0, &parse_error, &code);
    *status = code;
    if (U_FAILURE(code)) {
        if (error_line) *error_line = parse_error.line;
        if (error_offset) *error_offset = parse_error.offset;
        if (it) ubrk_close(it);
        return NULL;
    }
    return AS_ZAN(it);
}

zan_break_iterator *zan_brk_open_binary_rules(const uint8_t *rules, int32_t length, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_openBinaryRules(rules, length, NULL, 0, &code);
    *status = code;
    if (U_FAILURE(code)) {
        if (it) ubrk_close(it);
        return NULL;
    }
    return AS_ZAN(it);
}

int32_t zan_brk_binary_rules(zan_break_iterator *iterator, uint8_t *buffer, int32_t capacity,
                             int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t length = ubrk_getBinaryRules(AS_ICU(iterator), buffer, capacity, &code);
    /* Preflighting reports U_BUFFER_OVERFLOW_ERROR with the length: not a failure. */
    *status = (buffer == NULL && code == U_BUFFER_OVERFLOW_ERROR) ? U_ZERO_ERROR : code;
    return length;
}

void zan_icu_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    if (capacity <= 0) return;
    int32_t i = 0;
    for (; text[i] != 0 && i < capacity - 1; i++) buffer[i] = text[i];
    buffer[i] = 0;
}

zan_break_iterator *zan_brk_clone(const zan_break_iterator *iterator, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_clone((const UBreakIterator *)iterator, &code);
    *status = code;
    return U_SUCCESS(code) ? AS_ZAN(it) : NULL;
}

void zan_brk_set_text(zan_break_iterator *iterator, const uint16_t *text, int32_t length,
                      int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    ubrk_setText(AS_ICU(iterator), (const UChar *)text, length, &code);
    *status = code;
}

int32_t zan_brk_next(zan_break_iterator *iterator) {
    return ubrk_next(AS_ICU(iterator));
}

int32_t zan_brk_rule_status(zan_break_iterator *iterator) {
    return ubrk_getRuleStatus(AS_ICU(iterator));
}

void zan_brk_close(zan_break_iterator *iterator) {
    if (iterator) ubrk_close(AS_ICU(iterator));
}
