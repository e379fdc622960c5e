"""Words the temporal tagger knows: months, weekdays, numbers, units, seasons."""

from __future__ import annotations

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a couple of": 2,
    "a dozen": 12,
    "half a": 0,
}
VAGUE_NUMBERS = ("a few", "few", "several", "many", "some", "the past few", "a number of")
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUMBER_RE = (
    r"(?:\d+(?:\.\d+)?|(?:" + _TENS + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|a couple of|a dozen|a hundred|a|an)"
)
VAGUE_RE = r"(?:a few|several|many|a number of)"

ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "last": -1,
}
ORDINAL_RE = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|\d+(?:st|nd|rd|th))"
)

# unit word -> (TIMEX3 duration letter, whether it goes after "T" as a time of day unit)
UNITS = {
    "second": ("S", True),
    "minute": ("M", True),
    "hour": ("H", True),
    "day": ("D", False),
    "week": ("W", False),
    "weekend": ("WE", False),
    "fortnight": ("W", False),
    "month": ("M", False),
    "quarter": ("Q", False),
    "year": ("Y", False),
    "decade": ("DE", False),
    "century": ("CE", False),
}
UNIT_RE = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centurie)s?"

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def parse_number(words: str) -> int | None:
    """The integer a number phrase denotes ("twenty-five" -> 25), or None if vague."""
    w = words.lower().strip()
    if w in VAGUE_NUMBERS:
        return None
    if w.replace(".", "", 1).isdigit():
        return int(float(w)) if float(w).is_integer() else None
    if w == "a hundred":
        return 100
    total = 0
    for part in w.replace("-", " ").split():
        if part not in NUMBERS:
            return None
        total += NUMBERS[part]
    return total or None


def unit_name(word: str) -> str:
    """Normalise a unit word ("Centuries" -> "century")."""
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    return w[:-1] if w.endswith("s") else w
