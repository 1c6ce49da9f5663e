"""The rule catalogue in English: the explanation and decision of every rule.

The Dutch texts in :mod:`alvrules.catalogus` are the reference; these are their English
renderings for ``--lang en`` (``alvrules regels``, the docs). A test requires an English
explanation for every rule, and an English decision for every rule that has one.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["BESLUIT_EN", "UITLEG_EN"]

#: Rule id -> the explanation (``Regel.uitleg``) in English.
UITLEG_EN: Mapping[str, str] = {
    "CAL01": "A working day is Monday to Friday, except the generally recognised holidays of "
    "the Algemene termijnenwet: New Year's Day, Good Friday, Easter Monday, King's Day "
    "(Queen's Day up to 2013), 5 May, Ascension Day, Whit Monday and both Christmas days, "
    "and the days a royal decree equates with them (Atw art. 3(3), such as the Friday after "
    "Ascension Day).",
    "CAL02": "'N working days before the ALV' counts N working days back from the meeting "
    "date, not counting the meeting day itself; the deadline falls on the N-th working day "
    "counted.",
    "TRM01": "Amendments must be received no later than 9 working days before the ALV, at the "
    "meeting's cut-off time. What is in at or before that moment is on time.",
    "TRM02": "The board asks for motions at the same moment as amendments. A later motion is a "
    "warning; a later motion marked as urgent (actueel) with a reason is information.",
    "TRM03": "The board adopts its preadviezen on the first working day after the submission "
    "deadline; motions that are final by then get a preadvies before the ALV.",
    "TRM04": "Regular proposals go to the members at least 28 calendar days before the ALV. "
    "Documents sent later are a late dispatch (nazending).",
    "TRM05": "The nominated candidates are announced 35 days (5 weeks) before the ALV.",
    "TRM06": "Counter-candidates are put forward no later than 21 days (3 weeks) before the ALV.",
    "TRM07": "The overview of all candidates goes to the members 14 days (2 weeks) before the ALV.",
    "TRM08": "The final list of supporting municipalities is in on the last working day before "
    "the ALV at 10:00; a later list is not published.",
    "TRM09": "Whoever wants to speak preferably registers no later than 2 working days before "
    "the ALV at 12:00; asking for the floor on the spot remains possible.",
    "SIG01": "The mayor signs for every submitter. An acting mayor and a deputy mayor who "
    "stands in for the mayor count as mayor.",
    "SIG02": "Besides the mayor, aldermen, the municipal secretary and council members of the "
    "submitter may co-sign. A griffier or another role does not sign a motion.",
    "SIG03": "A signature counts only for the signatory's municipality, and that municipality "
    "is a submitter or co-submitter of the motion.",
    "SIG04": "Every co-submitter signs on behalf of the college: the mayor (also acting or "
    "deputy), an alderman or the municipal secretary. Council members or a griffier alone "
    "are not enough.",
    "SIG05": "Supporting municipalities need not sign; they are only named.",
    "SIG06": "A municipality appears at most once among the submitters, co-submitters and "
    "supporters of one motion or amendment.",
    "SIG07": "Every municipality named is a member on the meeting date. An unknown or "
    "dissolved municipality is an error; the message names the nearest valid names.",
    "SIG08": "A motion or amendment without any valid signature is not final and is not published.",
    "MOT01": "A motion has submitter(s), a title, a date of submission, an occasion, at least "
    "one consideration or finding, at least one point in the call on the VNG board, the "
    "closing sentence and the signatures.",
    "MOT02": "The closing sentence is 'En gaat over tot de orde van de dag.' (compared after "
    "normalising white space).",
    "MOT03": "A motion names an official contact person and a responsible administrator "
    "(mayor, alderman, council member, secretary or griffier).",
    "MOT04": "A motion belongs to an agenda item or to any other business (rondvraag); a "
    "reference to an agenda item that does not exist is an error.",
    "MOT05": "The call asks for an effort, not a result, and avoids amounts, exact dates and "
    "detailed technical text.",
    "MOT06": "Titles are not unique (in 2023 two motions shared a title); every motion has "
    "its own id.",
    "AMD01": "Only proposals for decision can be amended; items for information and "
    "agreements with other parties cannot.",
    "AMD02": "The statutory deadline TRM01 applies to amendments; late is an error.",
    "AMD03": "Every change says what is deleted and what takes its place; a pure insertion "
    "names the text after which it goes.",
    "AMD04": "When the text of the proposal is known, the text to delete (or the anchor) "
    "occurs in it exactly once. Two amendments that touch the same text get a warning.",
    "AMD05": "The signature rules of motions (SIG01-SIG08) apply to amendments too; an "
    "amendment also gets a preadvies.",
    "STM01": "A member casts one vote per full 1,000 inhabitants, at least 1 and at most 75.",
    "STM02": "The number of inhabitants is the CBS figure on 1 January of the year before the "
    "year of the meeting.",
    "STM03": "Every member has one representative: the mayor, an alderman, the municipal "
    "secretary, the griffier or a council member of that member. The voting card passes "
    "only within the municipality. At a physical ALV only those present vote.",
    "STM04": "A member casts all its votes as one block: for, against or abstention. A second "
    "ballot, a ballot without a representative or from a non-member does not count.",
    "STM05": "A proposal is adopted when 'for' is more than half of the votes cast (for + "
    "against); exactly half is rejected; nothing cast is no decision.",
    "STM06": "The result is for / (for + against) as a percentage, rounded half up to two "
    "decimals with a decimal comma, and every percentage says what it is a share of: "
    "'rejected: 21.49% for, 78.51% against'. The outcome follows from the exact numbers.",
    "STM07": "When nobody asks for a weighted vote, a proposal can be adopted by acclamation, "
    "without a percentage. When a member objects (`bezwaar`), a weighted vote on the same "
    "proposal follows: that is the normal route. Acclamation with an objection and no "
    "following weighted vote is an error, and acclamation with ballots cast contradicts "
    "itself.",
    "STM08": "Related proposals can be bundled in one vote; the result applies to each of them.",
    "STM09": "Order motions go first: the order motions of an agenda item are voted on before "
    "the other motions and the proposal of that item; when one is adopted, no decision on "
    "the proposal, its amendments or the other motions of that item is taken in this "
    "meeting, and each postponed item names the order motion that postponed it. A vote on a "
    "postponed item is an error and does not count. Amendments go before the proposal, "
    "which is then voted on as amended.",
    "STM10": "In a choice between options, an option with more than half of the votes cast "
    "wins; otherwise there is no decision.",
    "STM11": "Uncontested vacancies are decided together, in one vote or by acclamation. In a "
    "contested vacancy whoever gets more than half of the votes cast wins; with three or "
    "more candidates and no majority the two highest go to a second round; a tie leaves "
    "the result undecided.",
    "STM14": "A written consultation (ledenraadpleging) decides outside a meeting: the "
    "members vote in writing within a voting window (`opent` to `sluit`, timestamps with a "
    "timezone). A ballot outside the window does not count; the result says how many "
    "members cast a ballot. An ALV's deadlines do not apply: only the consultation's own "
    "submission deadline, when the dossier gives it. A later ALV ratifies the decisions; "
    "that does not change the consultation's tally.",
    "STM12": "Every vote has its own id and concerns proposals in the dossier: a motion, "
    "amendment, agenda item, vacancy or the accounting for motions. A vote on a proposal "
    "that is not there counts for no proposal at all.",
    # STM13: one decision per proposal (issue 28)
    "STM13": "A meeting takes one decision on each proposal: on a motion, on each part of a "
    "motion voted in parts, on an amendment or an agenda item. The decision is adopted, "
    "rejected or held (by the submitters, or by the members following a preadvies to hold). "
    "Deciding the same proposal again is an error unless the dossier records a revote with "
    "its reason on the later vote; the last decision counts. A vote on the whole of a motion "
    "in parts decides every part, and each point of the call belongs to one part.",
    "KND01": "The nomination committee nominates one candidate per vacancy.",
    "KND02": "A counter-candidate is nominated by the municipality where they are an "
    "administrator, secretary or griffier, and supported by at least ten other members, "
    "within deadline TRM06.",
    "PRE01": "The preadvies is overnemen (adopt), aanhouden (hold) or ontraden (advise "
    "against), possibly with the board's reading of the motion.",
    "AFD01": "An adopted motion is done with at once, or accounted for at the next ALV and "
    "then done with, or accounted for and kept open.",
    "AFD02": "The next ALV gets a proposal for every open adopted motion: afdoen (done with, "
    "the default) or aanhouden (keep open), possibly until an event. Keeping open without "
    "a reason is a warning. Done with means: taken into VNG policy.",
    "AFD03": "Motions kept open return at every following ALV until they are done with.",
    "AFD04": "The members decide on the accounting as one proposal for decision.",
    "AFD05": "A motion goes from submitted to final (signed) to adopted, rejected, withdrawn "
    "or held; other transitions are refused.",
    "NOT01": "The minutes committee has at least three members.",
    "AGD01": "Agenda items have a fixed id, apart from their number (the 2023 documents "
    "number the same items differently), and a kind per proposal; an item can combine "
    "information and decision.",
    # AGD02: added with `alvrules nieuw` (issue 24)
    "AGD02": "A dossier describes a meeting with its agenda and what was submitted or voted "
    "at it. When it holds only the meeting (no agenda items, motions, amendments, "
    "representatives, votes, vacancies, earlier motions, accounting or minutes committee), "
    "there is nothing to check yet: the dossier is still empty, like a fresh template of "
    "`alvrules nieuw`.",
}

#: Rule id -> the decision (``Regel.besluit``) in English.
BESLUIT_EN: Mapping[str, str] = {
    "CAL01": "The statutes do not say what a working day is; the Atw is the Dutch legal "
    "standard and so the default, and then the whole of art. 3: the days a royal decree under "
    "paragraph 3 equates with a holiday are no working days either. Those decrees appear "
    "years ahead, and that the VNG is not bound by the Atw holds for paragraphs 1 and 2 "
    "alike. The days are listed with their decree and source in the table "
    "`atw-gelijkgesteld.csv`; a year no known decree covers is named in the deadline's "
    "explanation. A procedure can add extra days off, or switch paragraph 3 off "
    "(`Procedure.atw_gelijkgestelde_dagen`); the calendar is part of the explanation of "
    "every deadline.",
    "CAL02": "There is no extension forwards: the Atw excludes deadlines counted backwards.",
    "TRM01": "The cut-off time is a parameter per meeting (13:00 in 2023), default 12:00; 'no "
    "later than' is inclusive. The moment the signed text is received counts. A timestamp "
    "without a timezone is an error.",
    "TRM02": "The request is not statutory, so late is not an error.",
    "TRM03": "The annex names only a date (Tuesday 21 November 2023, the first working day "
    "after the submission deadline); `alvrules` reads the rule 'the first working day after "
    "TRM01' in it (`Procedure.werkdagen_preadvies`).",
    "TRM08": "The annex says 'no later than 1 day before the ALV' and names Thursday 30 "
    "November 2023 before 10:00; `alvrules` reads that as 'the last working day before the "
    "ALV, 10:00' and counts a list received at exactly 10:00 as on time, as for TRM01. The "
    "moment is in the dossier as `ondersteuners_ontvangen`.",
    "TRM09": "The annex only says 'preferably Wednesday 29 November before 12:00'; `alvrules` "
    "reads that as '2 working days before the ALV, 12:00' "
    "(`Procedure.werkdagen_insprekers`).",
    "SIG02": "The model (§5) is the widest form and covers the combinations from the "
    "questions of §4.",
    "SIG06": "§4 keeps submitters, co-submitters and supporters apart but does not say in so "
    "many words that a municipality may not appear twice; `alvrules` reads the three lists "
    "as mutually exclusive, so that a municipality has one role.",
    "SIG07": "The 2023 documents do not cite the membership article of the statutes (art. 10 "
    "paragraph 2 only speaks of 'every municipality that is a member'); `alvrules` assumes "
    "that every municipality of the CBS division on the meeting date is a member (in 2023: "
    "342). The municipal register is dated from 1 January 2017: an old name after its end "
    "gets 'merged into' or 'divided among', a meeting before 2017 one error naming the "
    "range.",
    "MOT01": "§5 is a template, not a prescription; that a missing part is an error (and not "
    "a warning) is a decision of `alvrules`, because a motion without a call or a submitter "
    "cannot be voted on.",
    "MOT05": "The sources name no length: that a point of the call over 600 characters is "
    "'detailed' is a decision of `alvrules` (`Procedure.maximum_tekens_oproeppunt`).",
    "AMD01": "An amendment targets an agenda item. The sources know no amendment to an "
    "amendment or to a motion; `alvrules` refuses it (it names no amendable agenda item).",
    "STM02": "A municipality formed or enlarged after the reference date counts the sum of "
    "its predecessors on that date. A municipality divided among several after the reference "
    "date is no one's predecessor: its inhabitants count for no member until the successors "
    "have figures of their own, and the output names it. Without figures for the reference "
    "date there is no weight, never an estimate.",
    "STM05": "Abstentions do not count as cast. Another majority is a fraction with its base, "
    "only where the statutes prescribe one.",
    "STM03": "A representative who is absent and does not vote is no finding: the attendance "
    "list may be honest. Only a ballot of an absent member is an error, and it does not count.",
    "STM06": "The minutes give percentages with two decimals but do not say how they were "
    "rounded; `alvrules` rounds half up. The decision never depends on the rounding. "
    "'Rejected with X% of the votes' is ambiguous (VNG has used it for the share for and "
    "for the share against); so `alvrules` always gives both shares. All or nothing is "
    "written 100% and 0%, without decimals, as the minutes do; a rounded 100.00% keeps "
    "its decimals.",
    "STM07": "The minutes show the normal route: the chair asks who objects to acclamation "
    "(item 8), and the motion of Ede goes to a vote after Wageningen announces it will vote "
    "against. That an objection without a following vote is an error (the minutes do not "
    "say what happens then) and that ballots on an acclamation are an error too (and are not "
    "counted) are decisions of `alvrules`.",
    "STM09": "The minutes (item 7b) show the order motions: the chair goes on with the other "
    "motions and the proposal only because the order motions were rejected; that the "
    "amendments to the proposal and the other motions are postponed too is derived from "
    "that by `alvrules` (a decision), as is that a vote on a postponed item is an error. "
    "That amendments go before the "
    "proposal is not in the 2023 documents (the minutes know no vote on an amendment) and "
    "is a decision of `alvrules`, following the practice of standing orders.",
    "STM10": "The library reports this and never picks a winner itself.",
    "STM11": "The minutes only show an election with two candidates. The second round with "
    "three or more candidates is a decision of `alvrules`, as is the rule that there is no "
    "drawing of lots: a tie is reported.",
    "STM14": "The statutes (art. 10 lid 1) have the votes cast at the general meeting and "
    "Lbr. 23/040 describes only voting in the room; the documents say nothing about voting "
    "in writing or electronically outside a meeting. Everything in this rule is therefore "
    "a decision of `alvrules` (see the decisions of issue 28): the window with both ends "
    "included, a ballot without a time as a warning (it counts), no acclamation, no "
    "quorum, participation as members with a counted ballot (abstention included), the "
    "deadlines one by one, and ratification by a later ALV because the statutes ask for "
    "decisions in the meeting.",
    "STM12": "Added by alvrules (not a rule of the sources, but their tacit condition): "
    "without this check a typo in an id would publish a result for a proposal that does not "
    "exist.",
    # STM13: one decision per proposal (issue 28)
    "STM13": "Added by alvrules (a decision; the sources know no revote, no vote in parts and "
    "no second decision on the same proposal): without this check a dossier gives two "
    "contradictory results for one proposal without any finding. That the last decision "
    "counts and that a revote records its reason are decisions of `alvrules`.",
    "AFD05": "The sources name the states (§4: final only after signing; the minutes: "
    "adopted, rejected, withdrawn); the table of allowed transitions is a decision of "
    "`alvrules`.",
    # AGD02: added with `alvrules nieuw` (issue 24)
    "AGD02": "The sources say nothing about an empty dossier. `alvrules` reports it as advice "
    '(info), so that "valid" never means that nothing was checked; it is not an error, '
    "since a dossier in the making does not break the procedure. The finding appears only "
    "for a dossier with nothing besides the meeting and its own `[bevolking]`: as soon as "
    "anything is in it, the finding goes.",
}
