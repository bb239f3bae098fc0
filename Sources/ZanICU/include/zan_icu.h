/*
 * zan_icu.h — the only door from Swift into ICU.
 *
 * Everything here is stdint types and opaque handles: no ICU header is included, so ICU's
 * versioned symbol macros and its types never meet Foundation's bundled ICU module.
 * Text is UTF-16 (uint16_t), as ICU's C API wants it. Status values are ICU error codes
 * passed through as int32_t: <= 0 is success, > 0 is failure (see zan_icu_error_name).
 */
#ifndef ZAN_ICU_H
#define ZAN_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- status ---------------------------------------------------------------------------- */

/** The ICU name of a status code, e.g. "U_BUFFER_OVERFLOW_ERROR". Never NULL. */
const char *zan_icu_error_name(int32_t status);

/* ---- UTF-8 → UTF-16 -------------------------------------------------------------------- */

/**
 * Converts valid UTF-8 to UTF-16. Returns the number of UTF-16 units written (or needed, when
 * `capacity` is too small: then *status is U_BUFFER_OVERFLOW_ERROR).
 *
 * The input must be valid UTF-8 (a SourceFile's text is validated when it is read): ICU's
 * lenient conversion does not check it again, and takes half the instructions of the strict one.
 */
int32_t zan_icu_utf8_to_utf16(const uint8_t *src, int32_t length, uint16_t *dest,
                              int32_t capacity, int32_t *status);

/**
 * Converts UTF-16 to UTF-8 (a lone surrogate becomes U+FFFD). Returns the number of bytes
 * written (or needed, when `capacity` is too small: then *status is U_BUFFER_OVERFLOW_ERROR).
 */
int32_t zan_icu_utf16_to_utf8(const uint16_t *src, int32_t length, uint8_t *dest,
                              int32_t capacity, int32_t *status);

/* ---- normalization (NFC) ---------------------------------------------------------------- */

/**
 * Length of the longest prefix of `text` that is certainly NFC: what ICU's quick check gives
 * (zan_icu_nfc_quick_span), with runs of plain starters stepped over by a table of ICU's
 * answers for each code point, and ICU asked only of what lies between them.
 */
int32_t zan_icu_nfc_span(const uint16_t *text, int32_t length, int32_t *status);

/** ICU's quick check alone (`unorm2_spanQuickCheckYes`) over the whole of `text`. */
int32_t zan_icu_nfc_quick_span(const uint16_t *text, int32_t length, int32_t *status);

/** 1 when the NFC normalizer has a boundary before code point `c` (segments may be cut there). */
int32_t zan_icu_nfc_boundary_before(int32_t c);

/** NFC of `text` into `dest`; returns the length written or needed (as zan_icu_utf8_to_utf16). */
int32_t zan_icu_nfc(const uint16_t *text, int32_t length, uint16_t *dest, int32_t capacity,
                    int32_t *status);

/* ---- character properties --------------------------------------------------------------- */

/** Script classes Zan cares about; everything else is ZAN_SCRIPT_OTHER. */
enum {
    ZAN_SCRIPT_COMMON = 0,   /* digits, punctuation, spaces (ICU Common) */
    ZAN_SCRIPT_INHERITED = 1,/* combining marks */
    ZAN_SCRIPT_LATIN = 2,
    ZAN_SCRIPT_CYRILLIC = 3,
    ZAN_SCRIPT_OTHER = 4
};

/** The script class of code point `c` (one of ZAN_SCRIPT_*). */
int32_t zan_icu_script(int32_t c);

/** General-category classes Zan uses to classify punctuation and spaces. */
enum {
    ZAN_CATEGORY_LETTER = 0,
    ZAN_CATEGORY_MARK = 1,
    ZAN_CATEGORY_DIGIT = 2,
    ZAN_CATEGORY_SPACE_SEPARATOR = 3,   /* Zs: space, NBSP, thin space … */
    ZAN_CATEGORY_DASH = 4,              /* Pd */
    ZAN_CATEGORY_OPEN = 5,              /* Ps: ( [ „ */
    ZAN_CATEGORY_CLOSE = 6,             /* Pe */
    ZAN_CATEGORY_INITIAL_QUOTE = 7,     /* Pi: « “ ‘ */
    ZAN_CATEGORY_FINAL_QUOTE = 8,       /* Pf: » ” ’ */
    ZAN_CATEGORY_OTHER_PUNCTUATION = 9, /* Po: . , ; " ' … */
    ZAN_CATEGORY_SYMBOL = 10,           /* S*: № + = … */
    ZAN_CATEGORY_CONTROL = 11,          /* Cc, Cf: tabs, newlines, BOM */
    ZAN_CATEGORY_OTHER = 12
};

/** The general-category class of code point `c` (one of ZAN_CATEGORY_*). */
int32_t zan_icu_category(int32_t c);

/** Simple lowercase mapping of code point `c` (ICU u_tolower). */
int32_t zan_icu_to_lower(int32_t c);

/* ---- break iteration -------------------------------------------------------------------- */

/** An ICU break iterator. Not thread-safe: clone one per thread of use. */
typedef struct zan_break_iterator zan_break_iterator;

/** A break iterator with ICU's default rules: kind 0 = word, 1 = sentence, 2 = line. */
zan_break_iterator *zan_brk_open(int32_t kind, const char *locale, int32_t *status);

/**
 * A break iterator compiled from RBBI rules. On a rule syntax error returns NULL and, when the
 * pointers are non-NULL, the 1-based line and the offset of the error within that line.
 */
zan_break_iterator *zan_brk_open_rules(const uint16_t *rules, int32_t length, int32_t *error_line,
                                       int32_t *error_offset, int32_t *status);

/**
 * A break iterator from rules compiled earlier (`zan_brk_binary_rules`), much faster than
 * compiling them. ICU checks the data's header (format version, endianness); the bytes must
 * not change or be freed while the iterator or any clone of it lives.
 */
zan_break_iterator *zan_brk_open_binary_rules(const uint8_t *rules, int32_t length, int32_t *status);

/**
 * The compiled form of a rule-based iterator's rules: their length in bytes; copied into
 * `buffer` when `capacity` is enough (NULL and 0 to ask for the length).
 */
int32_t zan_brk_binary_rules(zan_break_iterator *iterator, uint8_t *buffer, int32_t capacity,
                             int32_t *status);

/** ICU's version, "72.1", into `buffer` (NUL-terminated; 20 bytes are always enough). */
void zan_icu_version(char *buffer, int32_t capacity);

/** An independent copy of `iterator` (cheap; shares the compiled rules). */
zan_break_iterator *zan_brk_clone(const zan_break_iterator *iterator, int32_t *status);

/** Sets the text to iterate. The text is not copied: it must outlive the iteration. */
void zan_brk_set_text(zan_break_iterator *iterator, const uint16_t *text, int32_t length,
                      int32_t *status);

/** The next boundary after the current one, or -1 when the text is exhausted. */
int32_t zan_brk_next(zan_break_iterator *iterator);

/** The status tag ({N} in the rules) of the rule that matched the segment ending at the
 *  current boundary. */
int32_t zan_brk_rule_status(zan_break_iterator *iterator);

/** Frees the iterator (NULL is allowed). */
void zan_brk_close(zan_break_iterator *iterator);

#ifdef __cplusplus
}
#endif

#endif /* ZAN_ICU_H */
