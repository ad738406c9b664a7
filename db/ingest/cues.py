"""The words that announce an agenda in news and readouts ("will discuss", "the agenda
includes", "centred on", "agreed to set up", "X is expected to dominate the talks") and the
words that end an agenda phrase; topics.py reads the phrases they mark."""

from __future__ import annotations

import re

# Cues followed by the agenda. `past` cues only count for a meeting that was held: "the
# ministers discussed" in an article about a coming meeting is about an earlier one.
VERB = (r"discuss|address|focus on|focus upon|cover|review|examine|consider|deliberate on|raise|"
         r"seek(?!\s+to\b)|negotiate|broker|find\s+a\s+(?:way|solution)\s+(?:out\s+of|to)|"
         r"centre on|center on|concentrate on|tackle|take up|look at|touch on|touch upon|"
         r"revolve around|exchange views on|talk about|speak about|deal with")
OBJECT_CUES = [
    (False, rf"\b(?:will|would|to|shall|may|could|should|expected to|set to|likely to)\s+"
            rf"(?:also\s+|further\s+)?(?:{VERB})\b"),
    (False, r"\b(?:agenda|talks|discussions|meeting|summit|dialogue|conference)\s+"
            r"(?:is|are|will be)?\s*(?:expected|set|likely)\s+to\s+(?:focus|cent(?:er|re)|"
            r"concentrate)\s+on\b"),
    (False, r"\b(?:agenda|discussions|talks)\s+(?:will\s+|would\s+)?(?:also\s+)?"
            r"(?:includes?|included|cover|covers|covered|features?)\b"),
    (False, r"\bwhich\s+will\s+(?:also\s+)?include\b"),
    (False, r"\b(?:topics?|issues?|items?|subjects?)\b[^.;]{0,30}?\bagenda\b\s+"
            r"(?:will\s+be|is|are|include[sd]?)\b"),
    (False, r"\battention\s+will\s+be\s+(?:paid|given)\s+to\b"),
    (False, r"\bagenda\W+(?:in particular|notably|including|especially)\b"),
    (False, r"\bbrief(?:ed|s)?\s+(?:\w+\s+){0,4}?on\b"),
    (False, r"\b(?:talks|negotiations|consultations|agreements?|discussions)\s+(?:on|about)\b"),
    (False, r"\bexchanges?\s+of\s+views\s+on\b"),
    # "On the table were also X", "On the agenda are X"
    (False, r"\bon\s+the\s+(?:table|agenda)\s+(?:were|are|was|is|will\s+be)\s+(?:also\s+)?"),
    (False, r"\btheme\b(?:\s+[\w'’]+){0,6}?\s+(?:is|was|will\s+be)\b"),
    # "Topics included X", "Among the issues discussed were X", "with a focus on X"
    (False, r"\b(?:topics|issues|subjects|themes|items)\s+(?:discussed\s+|on\s+the\s+agenda\s+)?"
            r"(?:included|include|includes|ranged\s+from|covered|were|are|will\s+be)\b"
            r"(?!\s+(?:likely|expected|set|due|going|to|not)\b)"),
    (False, r"\b(?:focusing|focussing|centring|centering|concentrating)\s+(?:on|upon)\b|"
            r"\bwith\s+(?:a|an|the)\s+(?:\w+\s+)?(?:focus|emphasis)\s+on\b"),
    (True, r"\b(?:discussed|addressed|focused on|focussed on|covered|reviewed|examined|"
           r"considered|deliberated on|conferred on|exchanged views on|talked about|"
           r"touched on|touched upon|tackled|raised|agreed on|focused upon)\b"),
    (True, r"\b(?:spoke|talked)\b[^;]{0,80}?\babout\b"),
    (True, r"\btook\s+stock\s+of\b"),
    # "Discussions centred on X", "Particular attention was paid to X", "the Minister presented
    # our priorities for X", "shared their assessment of X", "stressed the need for X"
    (True, r"\b(?:centred|centered|concentrated)\s+(?:on|upon)\b"),
    # "Ministers agreed a new set of capability targets", "Much of the debate was about X"
    (True, r"\bagreed\s+(?=(?:a|an|the|new|further|additional)\s)"),
    (True, r"\b(?:debate|discussion|discussions|conversation|talks)\s+(?:was|were)\s+"
           r"(?:\w+ly\s+)?(?:about|on)\b"),
    (False, r"\battention\s+(?:was|has\s+been|had\s+been|is)\s+(?:paid|given|devoted)\s+to\b"),
    (True, r"\b(?:presented|outlined)\b(?=\s+(?:the|our|his|her|their|its|a|an)?\s*(?:\w+\s+)?"
           r"(?:priorities|plans?|proposals?|position|vision|programme|program|initiative|"
           r"agenda|views)\b)"),
    (True, r"\bshared\s+(?:their|its|his|her)?\s*(?:assessments?|views?|analysis|information|"
           r"perspectives?)\s+(?:of|on|about|regarding)\b"),
    # (said of both sides: one speaker's stress is their position, not the agenda)
    (True, r"\b(?:ministers|sides|leaders|they|both|parties|delegations|countries|presidents)\b"
           r"[^.;]{0,100}?\b(?:stressed|underlined|underscored|emphasi[sz]ed|highlighted)\s+the\s+"
           r"(?:need|importance)\s+(?:for|of)\b"),
    # Joint statements: "expressed serious concern over the situation in X", "the Ministers
    # condemned X's missile development": what the concern or condemnation is about
    (True, r"\b(?:expressed|voiced|reiterated|shared)\s+(?:their\s+|its\s+)?(?:serious\s+|"
           r"grave\s+|deep\s+|strong\s+)?concerns?\s+(?:over|about|at|regarding)\b"),
    (True, r"\b(?:ministers|sides|leaders|they|both|parties|delegations|countries|presidents|"
           r"secretaries)\b[^.;]{0,60}?\bcondemned\b(?!\s+(?:the|a|an)\s+(?:\w+\s+)?attack)"),
    # "confirmed close cooperation on North Korea": the cooperation and its object
    (True, r"\b(?:confirmed|reaffirmed|affirmed|agreed\s+on|pledged)\s+(?:their\s+|the\s+)?"
           r"(?=(?:close|closer|continued|further|strong)?\s*(?:cooperation|coordination)\s+"
           r"(?:on|in|against|with|over)\b)"),
    # "agreed to set up a security group", "agreed to keep close coordination with X": the
    # step agreed is an item ("to meet again" is not)
    (True, r"\bagreed\s+(?:on\s+\w+day\s+|\w+day\s+)?to\s+(?!(?:put|give|lend|meet|hold|visit|stay|"
           r"remain|"
           r"keep\s+in\s+touch|continue\s+(?:the\s+|their\s+)?(?:contacts|dialogue|talks|"
           r"consultations|exchanges))\b)(?=\w+\s+(?:\w+\s+)?\w)"),
    # "signed a protocol on X", "pledged to reopen embassies": what the meeting produced (a
    # joint statement is only its record)
    (True, r"\b(?:signed|adopted|endorsed|approved|concluded|initialled|initialed)\s+"
           r"(?=(?:a|an|the|two|three|four|several|new|\d+)\s)(?!(?:a|the)\s+(?:joint\s+)?"
           r"(?:statement|declaration|communiqu))"),
    (True, r"\b(?:pledged|decided|resolved|vowed|committed\s+themselves)\s+to\s+(?!(?:meet|hold|"
           r"visit|stay|remain|keep\s+in\s+touch|continue\s+(?:the\s+|their\s+)?(?:contacts|"
           r"dialogue|talks|consultations|exchanges))\b)(?=\w+\s+(?:\w+\s+)?\w)"),
    # "Both agreed that pressure on Russia must be increased": the subject of the agreement
    (True, r"\bagreed\s+that\b(?=\s+[^,;]{3,80}?\s+(?:must|should|would|will|needed|had)\s)"),
    (True, r"\binformed\s+(?:\w+\s+){0,3}?(?:about|of)\b"),
    # "agreed to extend the corridor", "agreed to put more weight behind the pact": the object
    # is the agenda (the verb stays when it names the step: "extend the corridor").
    (True, r"\bagreed\s+(?:on\s+\w+day\s+|\w+day\s+)?to\s+(?:put\s+(?:more\s+|greater\s+|new\s+)?"
           r"(?:\w+\s+)?weight\s+behind|"
           r"(?:give|lend)\s+(?:\w+\s+){0,2}?(?:impetus|momentum|push)\s+to|"
           r"(?=(?:extend|expand|deepen|broaden|step\s+up|speed\s+up|accelerate|intensify|"
           r"resume|revive|upgrade)\b))"),
    # "hold talks with President X on Y"
    (False, r"\b(?:talks|discussions|consultations)\s+with\s+[^.;:]{2,80}?\s+on\b(?!\s+(?:"
            r"(?:an?\s+)?(?:official|state|working|private|two-day|three-day|first)\s+visit|"
            r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|the\s+(?:sidelines|"
            r"margins))\b)"),
]
# "to discuss" is an agenda after someone who meets ("ministers will gather to discuss").
PURPOSE = re.compile(r"\b(?:meet\w*|met|talks|hold|held|expected|set|plan\w*|scheduled|likely|"
                      r"gather\w*|convene\w*|ministers|leaders|sides|parties|would|will|"
                      r"together|agreed|due)\b", re.IGNORECASE)
SUBJECT_CUE = re.compile(
    r"\b(?:dominated|topped|headed)\s+(?:the\s+)?(?:talks|agenda|discussions|meeting)\b|"
    r"\b(?:is|are)\s+(?:also\s+)?(?:expected|likely|set)\s+to\s+(?:dominate|feature|figure|"
    r"come\s+up|top)\b|\b(?:may|might|could|will|would)\s+(?:also\s+)?(?:come\s+up|feature|"
    r"figure)\b|"
    r"\b(?:will|would)\s+(?:also\s+)?be\s+(?:high\s+)?on\s+the\s+(?:agenda|table)\b|"
    r"\b(?:is|are|was|were)\s+(?:also\s+)?(?:expected\s+to\s+be\s+)?(?:high\s+)?on\s+the\s+"
    r"(?:agenda|table)\b|\b(?:will|would)\s+(?:also\s+)?be\s+discussed\b|"
    # "The war in Ukraine was raised as well", "Progress on X was reviewed too"
    r"\b(?:was|were)\s+(?:also\s+)?(?:raised|reviewed|discussed|addressed|covered)\b"
    r"(?=\s+(?:as\s+well|too|also)\b|\s*[,.]|\s+(?:during|at|in)\s+the\s+(?:talks|meeting))",
    re.IGNORECASE)
# "Officials said the crisis in Myanmar ... would be on the table": the reporting lead-in is
# not part of the subject.
SAID_THAT = re.compile(r"^.*?\b(?:said|says|say|told\s+\w+|added|noted|stated|confirmed)\s+"
                        r"(?:that\s+)?", re.IGNORECASE)
CLAUSE_END = re.compile(
    r"""[;:]|\s[—–]\s|,?\s+(?:which|who|whom|where|while|when|whereas|although|because|"""
    r"""as\s+part\s+of|after|before|according\s+to|amid)\b|[,"”]\s*(?:[A-Z][\w.'’-]*\s+){0,5}"""
    r"""(?:said|says|told|reported|announced|added|noted|stated)\b|,\s*(?:the\s+)?(?:\w+\s+)"""
    r"""{0,5}(?:said|says|reported|told|announced|added|reads)\b|,?["”]?\s+(?:said|reads)\b|"""
    r"""\s+and\s+(?:(?:strongly|firmly|also|further|jointly)\s+)?(?:(?!(?:continued|renewed|increased|expanded|improved|enhanced|sustained|"""
    r"""coordinated|combined|proposed|planned|related|shared|armed|organi[sz]ed|displaced|"""
    r"""detained|disputed|occupied|advanced|integrated|targeted|unified|limited|balanced|"""
    r"""detailed|extended|reduced|accelerated|deepened|strengthened|stalled|delayed)\b)\w+ed|"""
    r"""agreed|stressed|underlined|signed)\b|"""
    # "... a security group and had also talked about X": a second verb phrase
    r""",?\s+and\s+(?:had|has|have|will|would)\s+(?:also\s+)?\w+(?:ed|en|t)\b|"""
    # "pressure on Russia must be increased": what should happen to the item
    r"""\s+(?:must|should|needed\s+to|had\s+to)\s+(?:be\s+)?\w+|"""
    # ", agreeing to handle differences": what they did about it, not the item
    r""",\s+(?:agreeing|saying|stressing|noting|adding|calling|urging|pledging|vowing)\b|"""
    r"""\s+that\s+(?:had|has|have|was|were|is|are|will|would|could|can)\b|"""
    r""",\s+(?:planned|scheduled|due|set|slated)\s+(?:for|to|in|on)\b|"""
    # ", at a one-day summit in Reykjavik": where it was agreed, not what
    r""",\s+(?:at|during)\s+(?:a|the|their)\s+(?:[\w-]+\s+){0,3}(?:summit|meeting|conference|"""
    r"""session|talks|retreat)\b|"""
    r"""\s+(?:agreed|signed|adopted|announced|launched|concluded)\s+(?:by|in|at|last|earlier)\b|"""
    r""",\s+(?:from|in|to|at|through|by|for)\s+(?:which|where|whom)\b|"""
    # ", with Berlin pressing for X": a comment on the item, not part of it
    r""",\s+with\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+){1,3}\w+ing\b|"""
    # ", and President X welcomed ...": a new clause with its own subject
    r""",\s+and\s+(?:(?-i:[A-Z])[\w'’-]*\s+){1,4}(?:\w+ed|said|says|told)\b|"""
    # "the pact that the two sides have been negotiating", "a farm that firms plan to build"
    r"""\s+that\s+(?=(?:[\w'’-]+\s+){1,6}?(?:have|has|had|plans?|hopes?|wants?|intends?)\s)""",
    re.IGNORECASE,
)
