"""Follow the Aleppo drafts of October 2016 as the news came in, through a tracker.

Every event of the two drafts (S/2016/846, France then France and Spain; S/2016/847, the
Russian Federation) is added to a tracker log in a temporary SQLite file, in the order the news
gave them, and the snapshot each one makes is printed: the day, the draft, what happened, the
stage reached and the outcome to expect. The log is then exported to a scenario file, which
must equal the bundled ``aleppo-2016`` scenario: the facts, sources and notes below are the
bundled scenario's.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from unsc_tracker import Tracker, load_scenario
from unsc_tracker.replay import Snapshot


def show(snapshot: Snapshot) -> None:
    """One line per event: day, draft, event, stage, and the outcome expected then."""
    if snapshot.result is not None:
        said = f"result: {snapshot.result}"
    elif snapshot.expected.outcome is None:
        said = f"open ({snapshot.expected.needed} more yes votes needed)"
    elif snapshot.expected.vetoed_by:
        said = "expect a veto by " + " and ".join(s.name for s in snapshot.expected.vetoed_by)
    else:
        said = f"expect: {snapshot.expected.outcome.value}"
    event = snapshot.event.summary
    event = event if len(event) <= 44 else event[:41] + "..."
    print(f"{snapshot.day}  {snapshot.draft}  {event:<44}  {snapshot.stage.value:<12}  {said}")


def track(path: Path) -> Tracker:
    """Enter the Aleppo case into a tracker log at ``path``, event by event."""
    tracker = Tracker(path)
    tracker.describe_log(
        title="Aleppo ceasefire drafts, October 2016",
        description="The French, then Franco-Spanish, draft on a truce in Aleppo and the rival Russian draft, from the first discussions on 29 September 2016 to the two votes of 8 October 2016.",
        sources=[
            "https://press.un.org/en/2016/sc12545.doc.htm",
            "https://www.voltairenet.org/article193694.html",
            "https://onu.delegfrance.org/France-will-spare-no-effort-to-enforce-a-cease-fire-in-Aleppo",
            "https://onu.delegfrance.org/The-priority-of-France-draft-resolution-is-to-stop-the-bloodbath-in-Aleppo",
            "https://www.foxnews.com/world/un-security-council-discusses-new-syria-resolution",
            "http://www.reuters.com/article/us-mideast-crisis-syria-un-aleppo-idUSKCN1271VN",
        ],
        notice="Compiled for unsc-tracker from the UN press release SC/12545 (7785th meeting) and the news and mission sources named on each event. Facts only; wording is paraphrased. Open points: the times at which both drafts were put in blue were not found; the eleven yes votes on S/2016/846 are derived from the press release (which names the no votes and abstentions) and from Lusa and Mada Masr, and await a check against the S/PV.7785 vote list; the 43 further co-sponsors of S/2016/846 come from an unverified transcription.",
    )
    tracker.describe(
        "S/2016/846",
        penholder="France",
        rivals=["S/2016/847"],
        expected_vote="2016-10-08",
        source="https://press.un.org/en/2016/sc12545.doc.htm",
        note="A truce in Aleppo, an end to military flights over the city, UN monitoring of the truce and a threat of further measures (AP, 3 October 2016).",
        sponsors=[
            {
                "member": "France",
                "role": "main_sponsor",
                "joined": "2016-09-29",
                "source": "https://onu.delegfrance.org/France-will-spare-no-effort-to-enforce-a-cease-fire-in-Aleppo",
            }
        ],
    )
    tracker.describe(
        "S/2016/847",
        rivals=["S/2016/846"],
        expected_vote="2016-10-08",
        source="https://press.un.org/en/2016/sc12545.doc.htm",
        note="The Russian rival text, tabled on 7 October without negotiation among the fifteen (https://www.justsecurity.org/33456/5-counting-russia-vetoes-no-fly-zone-security-council/).",
        sponsors=[
            {
                "member": "Russian Federation",
                "role": "main_sponsor",
                "joined": "2016-10-07",
                "source": "https://press.un.org/en/2016/sc12545.doc.htm",
            }
        ],
    )
    # 29 and 30 September: France starts work on a text and shows it to the P5.
    show(
        tracker.add(
            "S/2016/846",
            "statement",
            date="2016-09-29",
            by="France (Ambassador François Delattre)",
            source="https://onu.delegfrance.org/France-will-spare-no-effort-to-enforce-a-cease-fire-in-Aleppo",
            note="France says it has begun discussions on a draft resolution for a ceasefire in Aleppo; who saw the text first is not recorded.",
        )
    )
    show(
        tracker.add(
            "S/2016/846",
            "circulated",
            date="2016-09-30",
            audience="P5",
            source="http://www.mb.com.ph/france-pushes-un-draft-resolution-on-aleppo-ceasefire/; https://newarab.com/english/news/2016/10/1/france-pushes-draft-un-resolution-on-aleppo-ceasefire",
            note="France discusses the draft with the other four permanent members; Russia asks for time and shows no immediate opposition; experts to continue over the weekend, with the text going to all fifteen on Monday (http://www.dinarupdates.com/showthread.php?41883-Security-Council-to-discuss-a-draft-French-resolution-on-Syria).",
        )
    )
    # Wednesday 5 October: the Reuters Arabic report dates the talks of the fifteen to Monday,
    # and announces Ayrault's visits for tomorrow, Thursday, and the day after, Friday.
    show(
        tracker.add(
            "S/2016/846",
            "circulated",
            date={"report": "2016-10-05", "day": "Monday"},
            audience="all15",
            source="https://www.foxnews.com/world/un-security-council-discusses-new-syria-resolution",
            note="Negotiations among all fifteen members begin (AP). The Reuters Arabic report of Wednesday 5 October 2016 dates them to Monday.",
        )
    )
    show(
        tracker.add(
            "S/2016/846",
            "statement",
            date={"report": "2016-10-05", "day": "يوم الاثنين"},
            by="Russian Federation (Ambassador Vitaly Churkin)",
            source="https://www.foxnews.com/world/un-security-council-discusses-new-syria-resolution",
            note="Churkin questions the proposed monitoring mechanism; per the Reuters Arabic report of 5 October, he said Moscow was taking part in the talks although not keen on the wording.",
        )
    )
    show(
        tracker.add(
            "S/2016/846",
            "position_stated",
            date={"report": "2016-10-05", "day": "Monday"},
            member="Russian Federation",
            stance="undecided",
            source="Reuters Arabic service, 5 October 2016 (no address recorded); https://www.foxnews.com/world/un-security-council-discusses-new-syria-resolution",
            note="Engaged in the negotiation but unenthusiastic: no stance declared yet.",
        )
    )
    show(
        tracker.add(
            "S/2016/846",
            "sponsor_joined",
            date="2016-10-05",
            members=["Spain"],
            role="main_sponsor",
            source="Reuters Arabic service, 5 October 2016 (no address recorded); https://onu.delegfrance.org/The-priority-of-France-draft-resolution-is-to-stop-the-bloodbath-in-Aleppo",
            note="The day Spain joined is not recorded. The Reuters Arabic report of 5 October already calls the text a French-Spanish draft; on 7 October the French mission spoke of the French, and now Franco-Spanish, draft.",
        )
    )
    show(
        tracker.add(
            "S/2016/846",
            "position_stated",
            date="2016-10-05",
            member="Russian Federation",
            stance="oppose",
            source="Reuters Arabic service, 5 October 2016 (no address recorded; the English wire of 7 October: http://www.reuters.com/article/us-mideast-crisis-syria-un-aleppo-idUSKCN1271VN)",
            note="As French officials expect it: if Moscow opposes the text they will put it to a vote anyway and make Russia use its veto. Russia itself had declared no vote.",
        )
    )
    show(
        tracker.add(
            "S/2016/846",
            "position_stated",
            date="2016-10-05",
            member="France",
            stance="support",
            source="Reuters Arabic service, 5 October 2016 (no address recorded)",
            note="French officials say they are ready to put the draft to a vote even against Russian opposition, to force a veto.",
        )
    )
    show(
        tracker.add(
            "S/2016/846",
            "statement",
            date="2016-10-05",
            by="French Ministry of Foreign Affairs",
            source="https://www.rferl.org/amp/un-syria-convoy-attack-air-strike/28033659.html",
            note="Ayrault will go to Moscow on Thursday 6 October and to Washington on Friday 7 October to win support for the draft; Moscow confirms a Lavrov-Ayrault meeting.",
        )
    )
    show(
        tracker.add(
            "S/2016/846",
            "diplomatic_contact",
            date={"report": "2016-10-05", "day": "غدا الخميس"},
            parties=["Jean-Marc Ayrault (France)", "Sergey Lavrov (Russian Federation)"],
            place="Moscow",
            source="http://www.diplomatie.gouv.fr/en/country-files/russia/events/article/situation-in-syria-jean-marc-ayrault-traveling-to-russia-and-the-united-states; https://www.france24.com/en/20161007-syria-france-diplomacy-resolution-russia-aleppo-ayrault-fighting-assad",
            note="The Reuters Arabic report of 5 October announces the visit for tomorrow, Thursday.",
        )
    )
    show(
        tracker.add(
            "S/2016/846",
            "diplomatic_contact",
            date={"report": "2016-10-05", "day": "بعد غد الجمعة"},
            parties=["Jean-Marc Ayrault (France)", "United States government"],
            place="Washington",
            source="http://www.reuters.com/article/us-mideast-crisis-syria-un-aleppo-idUSKCN1271VN",
            note="The Reuters Arabic report of 5 October announces the visit for the day after tomorrow, Friday.",
        )
    )
    # Friday 7 October: France asks for a vote; both drafts go into blue.
    show(
        tracker.add(
            "S/2016/846",
            "statement",
            date="2016-10-07",
            by="France (Ambassador François Delattre)",
            source="https://onu.delegfrance.org/The-priority-of-France-draft-resolution-is-to-stop-the-bloodbath-in-Aleppo",
            note="After a week of negotiation the Franco-Spanish draft goes to a vote; France asks for the vote on Saturday.",
        )
    )
    show(
        tracker.add(
            "S/2016/846",
            "statement",
            date="2016-10-07",
            by="Russian Federation (Ambassador Vitaly Churkin)",
            source="http://www.reuters.com/article/us-mideast-crisis-syria-un-aleppo-idUSKCN1271VN",
            note="Churkin suspects the point of the vote is to provoke a Russian veto.",
        )
    )
    show(
        tracker.add(
            "S/2016/846",
            "put_in_blue",
            date="2016-10-07",
            symbol="S/2016/846",
            source="https://press.un.org/en/2016/sc12545.doc.htm",
            note="Day inferred from the request for a vote on 7 October; the time it went into blue was not found (PROCEDURE section 5.1). Its symbol precedes S/2016/847, so it was in blue first.",
        )
    )
    show(
        tracker.add(
            "S/2016/846",
            "vote_scheduled",
            date="2016-10-07",
            meeting_date="2016-10-08T15:00",
            source="https://odiaspora.org/un-security-council-to-vote-at-3-pm-saturday-on-french-plan-for-syria",
            note="The Russian mission, holding the presidency, confirms the vote for 3 p.m. on Saturday.",
        )
    )
    show(
        tracker.add(
            "S/2016/847",
            "put_in_blue",
            date="2016-10-07",
            symbol="S/2016/847",
            source="https://www.justsecurity.org/33456/5-counting-russia-vetoes-no-fly-zone-security-council/",
            note="Russia tables its rival draft on 7 October; the time it went into blue was not found (PROCEDURE section 5.1).",
        )
    )
    # Saturday 8 October, the 7785th meeting: the two votes.
    show(
        tracker.add(
            "S/2016/846",
            "sponsor_joined",
            date="2016-10-08",
            members=[
                "Andorra",
                "Australia",
                "Austria",
                "Belgium",
                "Bulgaria",
                "Canada",
                "Costa Rica",
                "Croatia",
                "Cyprus",
                "Czech Republic",
                "Denmark",
                "Estonia",
                "Finland",
                "Georgia",
                "Germany",
                "Hungary",
                "Iceland",
                "Ireland",
                "Italy",
                "Latvia",
                "Lithuania",
                "Luxembourg",
                "Malta",
                "Mexico",
                "Monaco",
                "Morocco",
                "Netherlands",
                "Norway",
                "Poland",
                "Portugal",
                "Qatar",
                "Romania",
                "San Marino",
                "Saudi Arabia",
                "Senegal",
                "Slovakia",
                "Slovenia",
                "Sweden",
                "Turkey",
                "Ukraine",
                "United Arab Emirates",
                "United Kingdom",
                "United States",
            ],
            verified=False,
            source="https://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq.ipfs.dweb.link/wiki/Vetoed_UN_resolutions_on_Syria.html",
            note="Not verified: the list of co-sponsors comes from a hand transcription of the meeting record, not from the UN document; the day each joined is unknown, so they are dated to the meeting. Unverified sponsors are not counted as supporters in the forecast.",
        )
    )
    show(
        tracker.add(
            "S/2016/847",
            "vote_scheduled",
            date="2016-10-08",
            meeting_date="2016-10-08T14:40",
            meeting="S/PV.7785",
            source="https://press.un.org/en/2016/sc12545.doc.htm",
            note="Both drafts are before the Council at the 7785th meeting, called to order at 2.40 p.m.; S/2016/847 is voted second, in the order of submission (rule 32).",
        )
    )
    show(
        tracker.add(
            "S/2016/846",
            "vote_held",
            date="2016-10-08",
            meeting="S/PV.7785",
            source="https://press.un.org/en/2016/sc12545.doc.htm",
            note="7785th meeting, called to order at 2.40 p.m. with the Russian Federation presiding. The press release names the two votes against and the two abstentions; the eleven in favour are the remaining members, per Lusa (https://sicnoticias.pt/mundo/2016-10-08-Conselho-de-Seguranca-rejeita-resolucoes-da-Franca-e-Russia-sobre-a-Siria) and, for Egypt, Mada Masr (https://www.madamasr.com/en/2016/10/09/news/u/egypt-votes-for-rival-unsc-resolutions-on-syria-from-russia-and-france/).",
            ballots={
                "China": "abstain",
                "France": "yes",
                "Russian Federation": "no",
                "United Kingdom": "yes",
                "United States": "yes",
                "Angola": "abstain",
                "Egypt": "yes",
                "Japan": "yes",
                "Malaysia": "yes",
                "New Zealand": "yes",
                "Senegal": "yes",
                "Spain": "yes",
                "Ukraine": "yes",
                "Uruguay": "yes",
                "Venezuela": "no",
            },
        )
    )
    show(
        tracker.add(
            "S/2016/847",
            "vote_held",
            date="2016-10-08",
            meeting="S/PV.7785",
            source="https://press.un.org/en/2016/sc12545.doc.htm",
            note="Every member's vote as listed in the press release. The no votes of France, the United Kingdom and the United States are not vetoes: the draft was short of nine votes.",
            ballots={
                "China": "yes",
                "France": "no",
                "Russian Federation": "yes",
                "United Kingdom": "no",
                "United States": "no",
                "Angola": "abstain",
                "Egypt": "yes",
                "Japan": "no",
                "Malaysia": "no",
                "New Zealand": "no",
                "Senegal": "no",
                "Spain": "no",
                "Ukraine": "no",
                "Uruguay": "abstain",
                "Venezuela": "yes",
            },
        )
    )
    show(
        tracker.add(
            "S/2016/846",
            "statement",
            date="2016-10-08",
            by="United Kingdom, France, Ukraine and United States",
            source="http://m.tzdnjx.com/newsrepublic/2016-10/10/content_27016835.htm",
            note="After the votes, the four delegations walk out when Syria's representative takes the floor.",
        )
    )
    show(
        tracker.add(
            "S/2016/847",
            "statement",
            date="2016-10-09",
            by="Egypt",
            source="https://www.madamasr.com/en/2016/10/09/news/u/egypt-votes-for-rival-unsc-resolutions-on-syria-from-russia-and-france/; http://gulfnews.com/news/mena/egypt/egypt-defends-backing-russian-draft-on-syria-1.1909390",
            note="Egypt defends voting for both rival drafts; Saudi Arabia criticises its vote for the Russian text.",
        )
    )

    return tracker


def main() -> int:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        with track(folder / "aleppo.sqlite") as tracker:
            print()
            for draft in tracker.drafts():
                final = tracker.replay(draft).final
                print(f"{draft}: {len(tracker.history(draft))} events recorded, {final.result}")
            exported = tracker.export(folder / "aleppo-2016.toml")
        same = load_scenario(exported) == load_scenario("aleppo-2016")
    print(f"exported to {exported.name}; equal to the bundled aleppo-2016 scenario: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
