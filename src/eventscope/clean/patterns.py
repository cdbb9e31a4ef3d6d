"""Line patterns of web-page boilerplate, by kind.

Everything here is general: the recurring furniture of news sites (share bars, comment widgets,
newsletter prompts, cookie notices, credits, "read more" lists), never phrases from one outlet.
Every pattern is paired with a word limit, because the same words inside a long sentence are
news ("the group's newsletter claimed the attack"), while alone on a short line they are chrome.
Patterns run on the lowercased, whitespace-normalised line.
"""

from __future__ import annotations

import re


def _words(*chunks: str) -> frozenset[str]:
    """A word set written as space-separated text (easier to read and extend than a list)."""
    return frozenset(" ".join(chunks).split())


def _whole(body: str) -> re.Pattern[str]:
    """A pattern that must fill the line, give or take punctuation, bullets and brackets."""
    return re.compile(rf"^\W*(?:{body})\W*$")


def _starts(body: str) -> re.Pattern[str]:
    """A pattern that must open the line (after punctuation or bullets)."""
    return re.compile(rf"^\W*(?:{body})")


def _anywhere(body: str) -> re.Pattern[str]:
    """A pattern that may occur anywhere in the line."""
    return re.compile(rf"(?:{body})")


_SOCIAL_NETWORKS = (
    r"twitter|x\.com|facebook|instagram|telegram|tiktok|youtube|linkedin|threads|bluesky|"
    r"whatsapp|reddit|pinterest|flipboard|mastodon|vk|viber|google news|apple news"
)
_WHEN = r"seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?"

ADVERTISEMENT = _whole(
    r"advertisement|advertising|advert|ads?|sponsored(?: content| post| links?)?|"
    # the same label in other languages of the news
    r"publicité|publicidad|publicidade|pubblicità|anuncio|werbung|anzeige|advertentie|"
    r"reklam|iklan|реклама|إعلان|פרסומת|"
    r"promoted(?: content| stories)?|paid (?:content|post)|partner content|"
    r"(?:story|article) continues (?:below|after)(?: this)?(?: advertisement| ad)?|"
    r"continue reading (?:below|after)(?: the)?(?: advertisement| ad)?|"
    r"scroll (?:down )?to (?:continue|read)(?: reading)?(?: with content)?"
)
COOKIES = _anywhere(
    r"\bcookies?\b.*\b(?:use|uses|using|accept|consent|policy|settings|preferences|continuing|"
    r"browsing|experience|agree)\b|\b(?:accept|reject|manage|allow)(?: all)? cookies\b"
)
# A subscription prompt is addressed to the reader: an imperative opening ...
SUBSCRIBE_IMPERATIVE = _starts(
    r"(?:subscribe|sign up|sign-up|signup|register|join|get|enter your|don'?t miss|never miss|"
    r"stay (?:informed|updated|up to date|in the know)|want (?:more|the latest|to)|"
    r"like (?:this|what you)|enjoy(?:ed|ing)? (?:this|our|reading)|support (?:our|independent)|"
    r"become a (?:member|subscriber|supporter)|try|unlock|already (?:a|have|registered))\b"
    r".*\b(?:newsletters?|subscri\w*|inbox|e-?mail|briefings?|digest|alerts?|updates|account|"
    r"free|trial|membership|journalism|access|unlimited|premium)\b"
)
# ... or subscription words together with "you/your/our", or nearly alone on the line.
SUBSCRIBE_WORDS = _anywhere(
    r"\b(?:newsletters?|inbox|e-?mail address|subscribers? only|for subscribers|subscription|"
    r"free trial|(?:sign|log) in to (?:continue|read|comment)|to continue reading|"
    r"article limit|paywall|unlimited (?:digital )?access|premium (?:article|content|access))\b"
)
# Run on the line as written: "us" is the reader's, "US" is a country.
READER_ADDRESSED = _anywhere(r"(?i:\b(?:you|your|you're|our)\b)|\bus\b")
AFFILIATE = _anywhere(
    r"\baffiliate (?:links?|commissions?|partners?|programs?|marketing)\b|"
    r"\b(?:we|may) (?:may )?(?:earn|receive|get) (?:a )?(?:small )?(?:commission|share of)|"
    r"\bcommission (?:on|from) (?:purchases|sales|products)|"
    r"\bwhen you (?:buy|shop) (?:through|via) (?:our )?links|"
    r"^\W*(?:this (?:article|content|post|story|feature) (?:is|was) )?"
    r"(?:sponsored|paid for|presented|brought to you) by\b|\bpaid partnership\b|"
    r"\b(?:independently|editorially) (?:chosen|selected|reviewed)\b"
)
DISCLAIMER = _anywhere(
    r"all rights reserved|^\W*(?:©|\(c\)|copyright\b)|"
    r"\bmay not be (?:re)?(?:published|produced|broadcast|rewritten|redistributed|reproduced)|"
    r"\b(?:views|opinions) (?:expressed|and opinions).{0,80}\b(?:do not|don'?t|does not) "
    r"(?:necessarily )?(?:reflect|represent)|\b(?:views|opinions) expressed (?:in this|here)|"
    r"\bfor (?:general )?(?:informational|information|educational) purposes only|"
    r"\bdoes not constitute (?:financial|legal|investment|professional) advice|"
    r"\bnot (?:responsible|liable) for the content|^\W*disclaimer\b|"
    r"\b(?:this|the) (?:article|story|content|post) (?:was|has been|is) (?:automatically )?"
    r"(?:generated|produced|written|created|translated) (?:by|with|using)"
)
LEGAL = _anywhere(r"\b(?:terms (?:of use|of service|and conditions)|privacy (?:policy|notice))\b")
CREDIT = _starts(
    r"(?:photo|photograph|photos|image|images|picture|pictures|pic|video|footage|illustration|"
    r"graphic|graphics|caption|credit|credits|file photo|main image|top image|header image|"
    r"featured image|lead image|image source|image caption|media caption|photo credit|"
    r"photo illustration|cover photo)s?\s*(?::|-|–|—|\||©|,|/|\bby\b|\bcredit\b|\bcourtesy\b)|"
    r"\(?(?:additional |further )?(?:reporting|writing|editing|compiled|translated|"
    r"translation|research|production)\s+(?:by|from)\b"
)
EDITING_CREDIT = _anywhere(r"\b(?:edited|editing|writing) by\b")
AGENCY_PHOTO = _anywhere(
    r"/(?:afp|ap|reuters|getty images|epa|anadolu|efe|xinhua|sipa|tass|ria novosti|"
    r"shutterstock|alamy|ansa|dpa|upi)\b|\bvia getty images\b|\b(?:ap|afp|reuters) photo\b"
)
SOCIAL = _anywhere(
    rf"^\W*(?:follow|like|find|join|subscribe to|connect with|catch up with|watch|listen to|"
    rf"download|get) (?:us|@\w+|our|the|\w+ on)\b.*\b(?:{_SOCIAL_NETWORKS}|podcast|app|"
    rf"channel)\b|^\W*follow @\w+"
)
COMMENTS = _whole(
    rf"\d[\d,.]*k?\s+(?:comments?|repl(?:y|ies)|responses?)|comments?(?:\s*\(\d+\))?|"
    r"\(\d+\)\s*comments?|leave a (?:comment|reply)|post (?:a|your) comment|"
    r"add (?:a|your) comment|write a comment|"
    r"(?:view|show|hide|see|read|load|open)(?: all| more)?(?: \d+)? comments?|"
    r"join the (?:conversation|discussion|debate)|comment on this(?: story| article)?|"
    r"be the first to comment|comments? (?:are|is) (?:closed|disabled)|reply|"
    r"report(?: comment| abuse)?|\d+ (?:likes?|upvotes?)|sort(?:ed)? by\b.*|"
    rf"newest first|oldest first|\d+\s+(?:{_WHEN})\s+ago"
)
SHARE_PREFIX = _starts(
    rf"share(?: this| on| via| to| the)?(?: article| story| page| post| link)?(?:\W*$|\s*:|"
    rf"\s+(?:{_SOCIAL_NETWORKS}|e-?mail)\b)"
)
# Words a share bar is made of; a line built only from these (with one network or verb) is one.
SHARE_WORDS = _words(
    "share shares sharing tweet facebook twitter x whatsapp telegram email e-mail mail print",
    "linkedin reddit pinterest copy link copied messenger on this article story via the save",
    "bookmark flipboard vk viber sms gift page post to url",
    "partager compartir compartilhar teilen condividi delen paylaş bagikan поделиться",
)
SHARE_CORE = _words(
    "share tweet facebook twitter whatsapp telegram linkedin reddit pinterest messenger",
    "flipboard vk viber",
    "partager compartir compartilhar teilen condividi delen paylaş bagikan поделиться",
)
NAVIGATION = _whole(
    r"home|homepage|menu|main menu|search|sign in|log in|login|log out|register|"
    r"skip to(?: main)? content|skip navigation|back to top|top of page|close|open menu|"
    r"(?:next|previous|prev)(?: article| story| page| post)?|more|show more|load more|"
    r"see more|view more|toggle navigation|navigation|breadcrumbs?|you are here\b.*|"
    r"print(?: this)?(?: article| page)?|listen(?: to)?(?: this)?(?: article| story)?|"
    r"\d+ min(?:ute)?s? read|reading time\b.*|(?:font|text) size|save(?: article| for later)?|"
    r"bookmark|(?:play|watch)(?: video| now)?|video|audio|gallery|\d+ (?:photos|images)|"
    r"page \d+(?: of \d+)?|go to page|jump to|table of contents|contents|full screen|expand|"
    r"a\+ ?a-|on this page"
)
LINK = _whole(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+")
TAGS = _starts(
    r"(?:tags?|topics?|filed under|categor(?:y|ies)|keywords?|subjects?|related topics|labels?)"
    r"\s*:"
)
_RELATED = (
    r"related(?: (?:headlines|articles|stories|coverage|content|news|links|reading|posts|"
    r"topics|videos|reports|items))?|read (?:more|also|next|this next)(?: about this)?|"
    r"also read|also see|see also|more (?:from|on|in|about)\b[^.!?]{0,60}|more like this|"
    r"more (?:stories|news|coverage|headlines|to read)|"
    r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in|have missed)|"
    r"recommended(?: for you| stories| reading| articles| videos)?|"
    r"most (?:read|popular|viewed|shared|watched|commented)(?: stories| articles)?|"
    r"trending(?: now| stories| news)?|top (?:stories|headlines)|"
    r"latest (?:news|stories|headlines|articles)|popular(?: now| stories| articles)?|"
    r"editors?'? ?picks|don'?t miss|further reading|what to read next|in case you missed it|"
    r"other (?:news|stories)|featured (?:stories|articles)|(?:watch|listen|read) (?:next|also)|"
    r"(?:à )?lire aussi|sur le même sujet|leer (?:más|también)|lea también|te puede interesar|"
    r"lesen sie (?:auch|mehr)|mehr zum thema|leggi anche|leia (?:também|mais)|"
    r"читайте также|по теме"
)
# "Related headlines:" alone on its line opens a list; "Read more: <headline>" is one line.
RELATED_HEADING = _whole(_RELATED)
RELATED_INLINE = re.compile(rf"^\W*(?:{_RELATED})\s*[:|»›–—-]\s*\S")

TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$")
SENTENCE_END = re.compile(r"[.…][\"'”’»)\]]*$")  # a statement, not a headline question
PIPE_SEGMENTS = re.compile(r"\s*[|•·»›]\s*|\s+[>/]\s+")

# Bylines and timestamps (recognised near the top of the text).
BYLINE = re.compile(
    r"^\W*(?:by|written by|words by|reported by|posted by|story by|text by|von|par|por)\s+(.+)$",
    re.IGNORECASE,
)
BYLINE_SPLIT = re.compile(r"\s*(?:[,;|–—]|\s-\s|\band\b|&)\s*")
ROLE_WORDS = _words(
    "reporter reporters correspondent correspondents editor editors writer writers staff",
    "contributor contributors journalist journalists columnist analyst bureau news agency desk",
    "chief producer photographer press media associated wire service team",
)
NAME_PARTICLES = _words("de da di du del della der van von al el bin ibn la le dos das")
CALENDAR_WORDS = _words(
    "january february march april may june july august september october november december",
    "jan feb mar apr jun jul aug sep sept oct nov dec",
    "monday tuesday wednesday thursday friday saturday sunday",
    "mon tue tues wed thu thurs fri sat sun",
)
DATE_WORDS = CALENDAR_WORDS | _words(
    "am pm gmt utc bst cet cest est edt pst pdt cst cdt msk eet eest ist jst local time",
    "at on of the st nd rd th ago hours hour minutes minute hrs mins",
)
TIMESTAMP_LABEL = re.compile(
    r"^\W*(?:published|updated|posted|last updated|first published|last modified|modified|date|"
    r"released|created)(?: on| at)?\s*:?\s*(.*)$",
    re.IGNORECASE,
)
DATE_TOKEN = re.compile(r"[^\W\d_]+|\d+")
# A year, a clock time or a numeric date: what makes digits a date rather than a count.
DATE_ANCHOR = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}:\d{2}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b"
)
