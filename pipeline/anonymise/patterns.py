"""UK formats found by regular expressions: email, phone, postcode, NI and NHS numbers, reference numbers,
dates, addresses, URLs."""

from __future__ import annotations

import calendar
import re

from pipeline.anonymise.spans import Span

_MONTHS = [m for m in calendar.month_name if m] + [m for m in calendar.month_abbr if m] + ["Sept"]
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"

STREET_SUFFIXES = (
    "Road", "Rd", "Street", "St", "Close", "Avenue", "Ave", "Lane", "Estate", "Court", "Way", "Grove", "Drive",
    "Crescent", "Terrace", "Gardens", "Mews", "Row", "Rise", "Walk", "Square", "Place", "View", "Parade", "Green",
    "Hill", "Park", "Fold", "Croft", "Gate", "Wharf", "Yard", "House", "Lodge", "Tower", "Towers", "Buildings",
    "Flats", "Cottages",
)
# A street name is one to three capitalised words before the suffix ("Holly Bank Road").
_NAME_WORD = r"(?:[A-Z][\w'’-]*|St\.?)"
STREET = rf"(?:{_NAME_WORD}\s+){{1,3}}(?:{'|'.join(STREET_SUFFIXES)})\b"

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"(?:\bhttps?://|\bwww\.)[^\s<>\"']+", re.IGNORECASE)
PHONE = re.compile(r"(?<![\w+])(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(?0)\d[\d\s()-]{7,14}\d(?!\d)")
POSTCODE = re.compile(
    r"(?<![\w])(?:GIR\s?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})(?![\w])", re.IGNORECASE
)
# The example prefix QQ is accepted on purpose: test data uses it.
NI_NUMBER = re.compile(r"(?<![\w])(?:QQ|[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D](?![\w])", re.IGNORECASE)
NHS_NUMBER = re.compile(r"(?<![\w])\d{3}[\s-]?\d{3}[\s-]?\d{4}(?![\w])")
DATES = [
    re.compile(rf"(?<![\w])\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}(?![\w])", re.IGNORECASE),
    re.compile(rf"(?<![\w]){_MONTH}\s+\d{{1,2}}{_ORD},?\s+{_YEAR}(?![\w])", re.IGNORECASE),
    re.compile(r"(?<![\w./-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)?\d\d)(?![\w./-])"),
]
# Day and month without a year identify someone only as a birthday.
BIRTHDAY = re.compile(
    rf"\bborn\s+(?:on\s+)?(?:the\s+)?(\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+\d{{1,2}}{_ORD})", re.IGNORECASE
)
_NUMBERED_STREET = rf"(?<![\w])\d{{1,4}}[A-Za-z]?,?\s+{STREET}"
ADDRESS = re.compile(
    rf"(?:\b(?:Flat|Apartment|Apt|Unit|Room)\s+\d+[A-Za-z]?,?\s+)?{_NUMBERED_STREET}"
    rf"|\b(?:Flat|Apartment|Apt|Unit)\s+\d+[A-Za-z]?,?\s+{STREET}(?:,?\s+{_NUMBERED_STREET})?"
)


# A name spelled out letter by letter for the transcriber: "B-A-L-O-G", "B. A. L. O. G.".
SPELLED = re.compile(r"(?<![\w-])[A-Z](?:(?:-|\.\s?)[A-Z]){2,}\.?(?![\w-])")


# Reference numbers whose shape alone says they are codes: "30412/07", "09/22H.4", "PA/04417/2025",
# "B1234567", "1234-5678-9012-3456", "HB0098812". Short fractions ("24/7", "3/4"), years, times and
# money have too few digits or no letters, so they never match.
CODE_SHAPES = re.compile(
    r"(?<![\w/£$€.-])(?:"
    r"[A-Z]{1,4}/\d{3,6}/\d{2,4}"  # PA/04417/2025
    r"|\d{5,6}/\d{2,4}(?:[A-Z]{1,3}(?:\.\d+)?)?"  # 30412/07
    r"|\d{1,4}/\d{1,4}[A-Z]{1,3}(?:\.\d+)?"  # 09/22H.4
    r"|\d{4}-\d{4}-\d{4}-\d{4}"  # 1234-5678-9012-3456
    r"|[A-Z]{1,4}-?\d{6,12}(?:/\d{1,4})?"  # B1234567, GWF012345678, CT-0098812
    r"|(?=[A-Z\d]*[A-Z])(?=(?:[A-Z]*\d){5})[A-Z\d]{6,14}"  # 12AB34567: letters and five digits or more
    r")(?![\w/-]|\.\d)",
    re.IGNORECASE,
)
# Words that say the next few tokens are a reference: "my reference is", "case number", "HO ref".
_CODE_KIND = (
    r"home\s+office|ho|hmrc|dwp|council\s+tax|housing|tenancy|rent|benefit|claim|case|application|appeal|"
    r"account|passport|customer|client|file|policy|permit|brp|certificate|pupil|collar|nhs|hospital|patient|"
    r"national\s+insurance|ni|uan|membership|booking|tracking|crime|incident|court|payroll|student|"
    r"unique\s+application|universal\s+credit|visa"
)
CODE_CUE = re.compile(
    rf"\b(?:(?:(?:{_CODE_KIND})\s+)*(?:reference|ref)\b\.?(?:\s+(?:number|no\b\.?|num\b|nr\b))?"
    rf"|(?:(?:{_CODE_KIND})\s+)+(?:number|no\b\.?|num\b|nr\b|code|id)"
    rf"|nino|crn|uan)"
    r"(?:\s*(?:(?:is|was|it's|it’s|it\s+is|reads|being|of|number|no)\b\.?|[:#=,–-]))*\s*",
    re.IGNORECASE,
)
_VALUE_TOKEN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9/.\-]*[A-Za-z0-9])?")
DIGIT_WORDS = {
    "zero": 1, "oh": 1, "o": 1, "nought": 1, "one": 1, "two": 1, "three": 1, "four": 1, "five": 1, "six": 1,
    "seven": 1, "eight": 1, "nine": 1, "double": 0, "triple": 0,
}
SEPARATOR_WORDS = {"slash", "stroke", "dash", "hyphen", "point", "dot"}
_YEAR_ONLY = re.compile(r"(?:19|20)\d\d")


def _value_tokens(text: str, start: int) -> list[tuple[int, int, str]]:
    """The tokens after a reference cue that can belong to a code, each separated by one space."""
    tokens: list[tuple[int, int, str]] = []
    pos = start
    while len(tokens) < 24:
        m = _VALUE_TOKEN.match(text, pos)
        if not m:
            break
        word = m.group()
        if word.endswith(".") or (m.end() < len(text) and text[m.end()] in ":%£$€'’"):
            break
        tokens.append((m.start(), m.end(), word))
        gap = text[m.end() : m.end() + 2]
        if gap[:1] != " " or gap[1:2] == " ":
            break
        pos = m.end() + 1
    return tokens


def _code_token(word: str, before: str, after: str) -> str:
    """What a token is inside a code: 'digits' (written, with or without letters), 'spoken', 'sep', 'letters', ''."""
    low = word.casefold()
    if any(c.isdigit() for c in word):
        return "digits"
    if low in DIGIT_WORDS:
        return "spoken"
    if low in SEPARATOR_WORDS:
        return "sep"
    if len(word) == 1 and word.isalpha():
        return "letters"
    if 2 <= len(word) <= 3 and word.isupper() and word.isalpha() and word != "I":
        return "letters"
    return ""


def code_after_cue(text: str, start: int) -> tuple[int, int] | None:
    """The code a cue introduces ("b one two three four five six seven", "HB 123 456"), if any."""
    tokens = _value_tokens(text, start)
    kinds = []
    for k, (_, _, word) in enumerate(tokens):
        kind = _code_token(word, tokens[k - 1][2] if k else "", tokens[k + 1][2] if k + 1 < len(tokens) else "")
        if not kind:
            break
        kinds.append(kind)
    # Trailing separators and lone letters that are English words ("1234 a week", "... slash") are not the code.
    while kinds and (kinds[-1] == "sep" or (kinds[-1] == "letters" and tokens[len(kinds) - 1][2] in {"a", "A", "i"})):
        kinds.pop()
    while kinds and kinds[0] == "sep":
        return None
    if not kinds:
        return None
    used = tokens[: len(kinds)]
    digits = sum(sum(c.isdigit() for c in w) for _, _, w in used) + sum(
        DIGIT_WORDS[w.casefold()] for (_, _, w), kind in zip(used, kinds) if kind == "spoken"
    )
    letters = sum(kind == "letters" or (kind == "digits" and any(c.isalpha() for c in w)) for (_, _, w), kind in zip(used, kinds))
    if len(used) == 1 and _YEAR_ONLY.fullmatch(used[0][2]):
        return None
    if digits >= 4 or (digits >= 3 and letters):
        return used[0][0], used[-1][1]
    return None


def nhs_checksum_ok(digits: str) -> bool:
    """The NHS number's 10th digit is a mod-11 check over the first nine (weights 10..2)."""
    if len(digits) != 10:
        return False
    check = 11 - sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1))) % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _uk_phone_length_ok(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    if candidate.lstrip().startswith("+44"):
        digits = "0" + digits[2:]
        if candidate.replace(" ", "").startswith("+44(0)"):
            digits = "0" + digits[2:]
    return digits.startswith("0") and len(digits) in (10, 11)


def _trim_phone(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    """Shorten a greedy phone match group by group until its digit count is a UK number's."""
    start, end = match.span()
    candidate = text[start:end]
    while candidate:
        stripped = candidate.rstrip(" -(")
        if _uk_phone_length_ok(stripped) and stripped.count("(") == stripped.count(")") or (
            _uk_phone_length_ok(stripped) and stripped.startswith("(")
        ):
            return start, start + len(stripped)
        cut = max(stripped.rfind(" "), stripped.rfind("-"))
        if cut <= 0:
            return None
        candidate = stripped[:cut]
    return None


def _valid_numeric_date(match: re.Match[str]) -> bool:
    day, month = int(match.group(1)), int(match.group(3))
    return 1 <= day <= 31 and 1 <= month <= 12


class PatternDetector:
    """Every UK pattern in one pass per pattern; checksums and digit counts weed out look-alikes."""

    name = "pattern"

    def find(self, text: str) -> list[Span]:
        spans: list[Span] = []
        add = spans.append
        if "@" in text:
            for m in EMAIL.finditer(text):
                add(Span(m.start(), m.end(), "EMAIL", self.name))
        for m in URL.finditer(text):
            end = m.end()
            while end > m.start() and text[end - 1] in ".,;:!?)":
                end -= 1
            add(Span(m.start(), end, "URL", self.name))
        if any(c.isdigit() for c in text):
            self._numbers(text, add)
        for m in ADDRESS.finditer(text):
            add(Span(m.start(), m.end(), "ADDRESS", self.name))
        for m in SPELLED.finditer(text):
            add(Span(m.start(), m.end(), "PERSON", self.name))
        self._codes(text, add)
        return spans

    def _codes(self, text: str, add) -> None:
        """Reference numbers: by shape anywhere, and any digit-and-letter run (written or spoken) after a cue."""
        for m in CODE_SHAPES.finditer(text):
            add(Span(m.start(), m.end(), "ID_NUMBER", self.name))
        for m in CODE_CUE.finditer(text):
            bounds = code_after_cue(text, m.end())
            if bounds:
                add(Span(*bounds, "ID_NUMBER", self.name))

    def _numbers(self, text: str, add) -> None:
        for m in PHONE.finditer(text):
            bounds = _trim_phone(text, m)
            if bounds:
                add(Span(*bounds, "PHONE", self.name))
        for m in POSTCODE.finditer(text):
            add(Span(m.start(), m.end(), "POSTCODE", self.name))
        for m in NI_NUMBER.finditer(text):
            add(Span(m.start(), m.end(), "ID_NUMBER", self.name))
        for m in NHS_NUMBER.finditer(text):
            if nhs_checksum_ok(re.sub(r"\D", "", m.group())):
                add(Span(m.start(), m.end(), "ID_NUMBER", self.name))
        for pattern in DATES[:2]:
            for m in pattern.finditer(text):
                add(Span(m.start(), m.end(), "DATE", self.name))
        for m in DATES[2].finditer(text):
            if _valid_numeric_date(m):
                add(Span(m.start(), m.end(), "DATE", self.name))
        for m in BIRTHDAY.finditer(text):
            add(Span(m.start(1), m.end(1), "DATE", self.name))
