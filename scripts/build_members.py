"""Build ``unsc_tracker/data/members.json``: UN member states, their codes and their names.

A development tool, run by hand from the project root; the package never imports it::

    pip install pycountry babel
    python scripts/build_members.py

Where each field comes from:

- ``code``: ISO 3166-1 alpha-3 (ISO 3166-3 for states that no longer exist), checked against
  pycountry's copy of the ISO tables.
- ``name``: the UN short name, from the tables below (the UN member-states list).
- ``aliases``: the hand-curated English names below, then the ISO 3166 names (pycountry), then
  the CLDR English name (babel).
- ``translations``: the UN form in the tables below where it is known, then the CLDR name
  (babel) for the territory. CLDR has no names for the withdrawn codes SU, YU, CS, DD and YD,
  so the five historic states have hand-written names below, followed by the translated
  ISO 3166-3 names of Debian's iso-codes (shipped with pycountry) where those are usable.

The output depends only on this file and on the installed pycountry and babel versions,
which are recorded in the file. At the end the script checks that every member named in the
shared membership tables and in the Aleppo co-sponsor list resolves to exactly one state.
"""

from __future__ import annotations

import csv
import gettext
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pycountry
from babel import Locale
from babel.core import get_cldr_version

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "unsc_tracker" / "data" / "members.json"
REFERENCE = ROOT.parent / "shared" / "reference"
MEMBERSHIP_TABLES = ("membership.csv", "membership_1946_2009.csv")
SEED_CASE = "seed_case_2016.md"
EXPECTED_STATES = 198
EXPECTED_SPONSORS = 45

LANGUAGES = ("ar", "zh", "fr", "ru", "es")
UN_MEMBER_STATES_URL = "https://www.un.org/en/about-us/member-states"
UN_GROWTH_URL = "https://www.un.org/en/about-us/growth-in-un-membership"
UNTERM_URL = "https://unterm.un.org"

# ---------------------------------------------------------------------------------------------
# Hand-curated table 1: the 193 current UN member states, ISO 3166-1 alpha-3 code -> UN short
# name as printed in the UN member-states list (https://www.un.org/en/about-us/member-states)
# and in UNTERM. That page spells a few names in its own way ("Côte D'Ivoire",
# "Gambia (Republic of The)", "Guinea Bissau"); the UNTERM spelling is used here and the
# page's spelling, where it differs after normalisation, is an alias.
# ---------------------------------------------------------------------------------------------
UN_MEMBERS: dict[str, str] = {
    "AFG": "Afghanistan",
    "AGO": "Angola",
    "ALB": "Albania",
    "AND": "Andorra",
    "ARE": "United Arab Emirates",
    "ARG": "Argentina",
    "ARM": "Armenia",
    "ATG": "Antigua and Barbuda",
    "AUS": "Australia",
    "AUT": "Austria",
    "AZE": "Azerbaijan",
    "BDI": "Burundi",
    "BEL": "Belgium",
    "BEN": "Benin",
    "BFA": "Burkina Faso",
    "BGD": "Bangladesh",
    "BGR": "Bulgaria",
    "BHR": "Bahrain",
    "BHS": "Bahamas",
    "BIH": "Bosnia and Herzegovina",
    "BLR": "Belarus",
    "BLZ": "Belize",
    "BOL": "Bolivia (Plurinational State of)",
    "BRA": "Brazil",
    "BRB": "Barbados",
    "BRN": "Brunei Darussalam",
    "BTN": "Bhutan",
    "BWA": "Botswana",
    "CAF": "Central African Republic",
    "CAN": "Canada",
    "CHE": "Switzerland",
    "CHL": "Chile",
    "CHN": "China",
    "CIV": "Côte d'Ivoire",
    "CMR": "Cameroon",
    "COD": "Democratic Republic of the Congo",
    "COG": "Congo",
    "COL": "Colombia",
    "COM": "Comoros",
    "CPV": "Cabo Verde",
    "CRI": "Costa Rica",
    "CUB": "Cuba",
    "CYP": "Cyprus",
    "CZE": "Czechia",
    "DEU": "Germany",
    "DJI": "Djibouti",
    "DMA": "Dominica",
    "DNK": "Denmark",
    "DOM": "Dominican Republic",
    "DZA": "Algeria",
    "ECU": "Ecuador",
    "EGY": "Egypt",
    "ERI": "Eritrea",
    "ESP": "Spain",
    "EST": "Estonia",
    "ETH": "Ethiopia",
    "FIN": "Finland",
    "FJI": "Fiji",
    "FRA": "France",
    "FSM": "Micronesia (Federated States of)",
    "GAB": "Gabon",
    "GBR": "United Kingdom of Great Britain and Northern Ireland",
    "GEO": "Georgia",
    "GHA": "Ghana",
    "GIN": "Guinea",
    "GMB": "Gambia",
    "GNB": "Guinea-Bissau",
    "GNQ": "Equatorial Guinea",
    "GRC": "Greece",
    "GRD": "Grenada",
    "GTM": "Guatemala",
    "GUY": "Guyana",
    "HND": "Honduras",
    "HRV": "Croatia",
    "HTI": "Haiti",
    "HUN": "Hungary",
    "IDN": "Indonesia",
    "IND": "India",
    "IRL": "Ireland",
    "IRN": "Iran (Islamic Republic of)",
    "IRQ": "Iraq",
    "ISL": "Iceland",
    "ISR": "Israel",
    "ITA": "Italy",
    "JAM": "Jamaica",
    "JOR": "Jordan",
    "JPN": "Japan",
    "KAZ": "Kazakhstan",
    "KEN": "Kenya",
    "KGZ": "Kyrgyzstan",
    "KHM": "Cambodia",
    "KIR": "Kiribati",
    "KNA": "Saint Kitts and Nevis",
    "KOR": "Republic of Korea",
    "KWT": "Kuwait",
    "LAO": "Lao People's Democratic Republic",
    "LBN": "Lebanon",
    "LBR": "Liberia",
    "LBY": "Libya",
    "LCA": "Saint Lucia",
    "LIE": "Liechtenstein",
    "LKA": "Sri Lanka",
    "LSO": "Lesotho",
    "LTU": "Lithuania",
    "LUX": "Luxembourg",
    "LVA": "Latvia",
    "MAR": "Morocco",
    "MCO": "Monaco",
    "MDA": "Republic of Moldova",
    "MDG": "Madagascar",
    "MDV": "Maldives",
    "MEX": "Mexico",
    "MHL": "Marshall Islands",
    "MKD": "North Macedonia",
    "MLI": "Mali",
    "MLT": "Malta",
    "MMR": "Myanmar",
    "MNE": "Montenegro",
    "MNG": "Mongolia",
    "MOZ": "Mozambique",
    "MRT": "Mauritania",
    "MUS": "Mauritius",
    "MWI": "Malawi",
    "MYS": "Malaysia",
    "NAM": "Namibia",
    "NER": "Niger",
    "NGA": "Nigeria",
    "NIC": "Nicaragua",
    "NLD": "Netherlands (Kingdom of the)",
    "NOR": "Norway",
    "NPL": "Nepal",
    "NRU": "Nauru",
    "NZL": "New Zealand",
    "OMN": "Oman",
    "PAK": "Pakistan",
    "PAN": "Panama",
    "PER": "Peru",
    "PHL": "Philippines",
    "PLW": "Palau",
    "PNG": "Papua New Guinea",
    "POL": "Poland",
    "PRK": "Democratic People's Republic of Korea",
    "PRT": "Portugal",
    "PRY": "Paraguay",
    "QAT": "Qatar",
    "ROU": "Romania",
    "RUS": "Russian Federation",
    "RWA": "Rwanda",
    "SAU": "Saudi Arabia",
    "SDN": "Sudan",
    "SEN": "Senegal",
    "SGP": "Singapore",
    "SLB": "Solomon Islands",
    "SLE": "Sierra Leone",
    "SLV": "El Salvador",
    "SMR": "San Marino",
    "SOM": "Somalia",
    "SRB": "Serbia",
    "SSD": "South Sudan",
    "STP": "Sao Tome and Principe",
    "SUR": "Suriname",
    "SVK": "Slovakia",
    "SVN": "Slovenia",
    "SWE": "Sweden",
    "SWZ": "Eswatini",
    "SYC": "Seychelles",
    "SYR": "Syrian Arab Republic",
    "TCD": "Chad",
    "TGO": "Togo",
    "THA": "Thailand",
    "TJK": "Tajikistan",
    "TKM": "Turkmenistan",
    "TLS": "Timor-Leste",
    "TON": "Tonga",
    "TTO": "Trinidad and Tobago",
    "TUN": "Tunisia",
    "TUR": "Türkiye",
    "TUV": "Tuvalu",
    "TZA": "United Republic of Tanzania",
    "UGA": "Uganda",
    "UKR": "Ukraine",
    "URY": "Uruguay",
    "USA": "United States of America",
    "UZB": "Uzbekistan",
    "VCT": "Saint Vincent and the Grenadines",
    "VEN": "Venezuela (Bolivarian Republic of)",
    "VNM": "Viet Nam",
    "VUT": "Vanuatu",
    "WSM": "Samoa",
    "YEM": "Yemen",
    "ZAF": "South Africa",
    "ZMB": "Zambia",
    "ZWE": "Zimbabwe",
}

# ---------------------------------------------------------------------------------------------
# Hand-curated table 2: former members, ISO 3166-3 alpha-3 code -> (UN name of the time,
# first day on which the membership was no longer held under that identity, continuing
# member). Dates: UN_GROWTH_URL and the notes of UN_MEMBER_STATES_URL; for the USSR, the
# Russian Federation's letter of 24 Dec 1991 (https://ask.un.org/faq/378083).
# - Czechoslovakia ceased to exist at the end of 31 Dec 1992; the Czech Republic and Slovakia
#   were admitted as new members on 19 Jan 1993, so neither continues it.
# - Yugoslavia: no single date. The SFRY broke up in 1992, GA res. 47/1 (22 Sep 1992) barred
#   the FRY from the General Assembly without ending the membership, and the FRY was admitted
#   as a new member on 1 Nov 2000 (GA res. 55/12). Left null rather than guessed.
# ---------------------------------------------------------------------------------------------
HISTORIC_MEMBERS: dict[str, tuple[str, str | None, str | None]] = {
    "CSK": ("Czechoslovakia", "1993-01-01", None),
    "DDR": ("German Democratic Republic", "1990-10-03", "DEU"),
    "SUN": ("Union of Soviet Socialist Republics", "1991-12-24", "RUS"),
    "YMD": ("Democratic Yemen", "1990-05-22", "YEM"),
    "YUG": ("Yugoslavia", None, None),
}
SUN_SOURCE = "https://ask.un.org/faq/378083 (Russian Federation continues the USSR, 24 Dec 1991)"

# ---------------------------------------------------------------------------------------------
# Hand-curated table 3: other English names of the same UN membership. Common names,
# abbreviations, and the names a continuing member held earlier (a renamed state keeps one
# membership, so its old names are its aliases). Never a name that belongs to another
# membership: "Taiwan" is not an alias of China, and "Zanzibar" (a member in 1963-1964 only)
# is not one of Tanzania. ISO and CLDR English names are added by the script, not listed here.
# ---------------------------------------------------------------------------------------------
ALIASES: dict[str, tuple[str, ...]] = {
    "ARE": ("UAE",),
    "BEN": ("Dahomey",),
    "BFA": ("Upper Volta",),
    # The UN's own AKN4UN records spell it so in sponsor lists: S/RES/2823 (2026),
    # github.com/UNxml/SCresolutions, 2026/English/S_RES_2823-2609266E.xml.
    "BHS": ("Bahamas (The)",),
    "BLR": ("Byelorussian Soviet Socialist Republic", "Byelorussian SSR"),
    "BOL": ("Bolivia",),
    "BRN": ("Brunei",),
    "CAF": ("Central African Empire",),
    # GA res. 2758 (XXVI), 25 Oct 1971: one seat, its representing government changed.
    "CHN": ("People's Republic of China", "PRC", "Republic of China"),
    "CIV": ("Ivory Coast",),
    "CMR": ("United Republic of Cameroon",),
    "COD": (
        "Zaire",
        "Republic of Zaire",
        "DR Congo",
        "DRC",
        "Democratic Republic of Congo",
        "Congo (Leopoldville)",
        "Congo (Kinshasa)",
    ),
    "COG": ("Republic of the Congo", "Congo (Brazzaville)"),
    "CPV": ("Cape Verde",),
    "CZE": ("Czech Republic",),
    "DEU": ("Federal Republic of Germany", "West Germany", "FRG"),
    "EGY": ("United Arab Republic",),
    # The UN member-states page prints "Gambia (Republic of The)".
    "GMB": ("Gambia (Republic of The)",),
    "GBR": ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
    "IRN": ("Iran",),
    "KHM": ("Khmer Republic", "Democratic Kampuchea", "Kampuchea"),
    "KNA": ("Saint Christopher and Nevis",),
    "KOR": ("South Korea",),
    "LAO": ("Laos",),
    "LBY": ("Libyan Arab Republic", "Libyan Arab Jamahiriya"),
    "LKA": ("Ceylon",),
    "MDA": ("Moldova",),
    "MDV": ("Maldive Islands",),
    "MKD": ("The former Yugoslav Republic of Macedonia", "Macedonia"),
    "MMR": ("Burma",),
    "MYS": ("Federation of Malaya", "Malaya"),
    "NLD": ("Netherlands",),
    "PRK": ("North Korea", "DPRK"),
    "RUS": ("Russia",),
    # Admitted 1 Nov 2000 as the Federal Republic of Yugoslavia (GA res. 55/12), renamed
    # Serbia and Montenegro in 2003; Serbia continued that membership in June 2006.
    "SRB": ("Federal Republic of Yugoslavia", "Serbia and Montenegro"),
    "SWZ": ("Swaziland",),
    "SYR": ("Syria",),
    "THA": ("Siam",),
    "TLS": ("East Timor",),
    "TUR": ("Turkey",),
    # Tanganyika (admitted 1961) united with Zanzibar in 1964 under one membership.
    "TZA": ("Tanzania", "Tanganyika", "United Republic of Tanganyika and Zanzibar"),
    "UKR": ("Ukrainian Soviet Socialist Republic", "Ukrainian SSR"),
    "USA": ("United States", "US", "U.S.", "USA", "U.S.A."),
    "VEN": ("Venezuela", "Bolivarian Republic of Venezuela"),
    "VNM": ("Vietnam",),
    "WSM": ("Western Samoa",),
    # Yemen, a member since 1947 (the Yemen Arab Republic from 1962), kept its membership
    # when it united with Democratic Yemen on 22 May 1990.
    "YEM": ("Yemen Arab Republic", "North Yemen"),
    "CSK": ("Czech and Slovak Federal Republic", "Czechoslovak Socialist Republic"),
    "DDR": ("East Germany", "GDR"),
    "SUN": ("USSR", "U.S.S.R.", "Soviet Union"),
    "YMD": ("South Yemen", "People's Democratic Republic of Yemen"),
    "YUG": (
        "Socialist Federal Republic of Yugoslavia",
        "Federal People's Republic of Yugoslavia",
        "SFR Yugoslavia",
    ),
}

# ---------------------------------------------------------------------------------------------
# Hand-curated table 4: UN short names in the other official languages (UNTERM forms, as UN
# documents print them), for the states where they differ from or confirm the CLDR name.
# Only forms known with confidence are listed; a missing language falls back to CLDR alone.
# ---------------------------------------------------------------------------------------------
UN_TRANSLATIONS: dict[str, dict[str, str]] = {
    "CHN": {"ar": "الصين", "zh": "中国", "fr": "Chine", "ru": "Китай", "es": "China"},
    "FRA": {"ar": "فرنسا", "zh": "法国", "fr": "France", "ru": "Франция", "es": "Francia"},
    "GBR": {
        "ar": "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية",
        "zh": "大不列颠及北爱尔兰联合王国",
        "fr": "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
        "ru": "Соединенное Королевство Великобритании и Северной Ирландии",
        "es": "Reino Unido de Gran Bretaña e Irlanda del Norte",
    },
    "RUS": {
        "ar": "الاتحاد الروسي",
        "zh": "俄罗斯联邦",
        "fr": "Fédération de Russie",
        "ru": "Российская Федерация",
        "es": "Federación de Rusia",
    },
    "USA": {
        "ar": "الولايات المتحدة الأمريكية",
        "zh": "美利坚合众国",
        "fr": "États-Unis d'Amérique",
        "ru": "Соединенные Штаты Америки",
        "es": "Estados Unidos de América",
    },
    "SYR": {
        "ar": "الجمهورية العربية السورية",
        "zh": "阿拉伯叙利亚共和国",
        "fr": "République arabe syrienne",
        "ru": "Сирийская Арабская Республика",
        "es": "República Árabe Siria",
    },
    "KOR": {
        "ar": "جمهورية كوريا",
        "zh": "大韩民国",
        "fr": "République de Corée",
        "ru": "Республика Корея",
        "es": "República de Corea",
    },
    "PRK": {
        "ar": "جمهورية كوريا الشعبية الديمقراطية",
        "zh": "朝鲜民主主义人民共和国",
        "fr": "République populaire démocratique de Corée",
        "ru": "Корейская Народно-Демократическая Республика",
        "es": "República Popular Democrática de Corea",
    },
    "VEN": {
        "zh": "委内瑞拉玻利瓦尔共和国",
        "fr": "Venezuela (République bolivarienne du)",
        "ru": "Венесуэла (Боливарианская Республика)",
        "es": "Venezuela (República Bolivariana de)",
    },
    "BOL": {
        "zh": "多民族玻利维亚国",
        "fr": "Bolivie (État plurinational de)",
        "ru": "Боливия (Многонациональное Государство)",
        "es": "Bolivia (Estado Plurinacional de)",
    },
    "IRN": {
        "zh": "伊朗伊斯兰共和国",
        "fr": "Iran (République islamique d')",
        "ru": "Иран (Исламская Республика)",
        "es": "Irán (República Islámica del)",
    },
}

# ---------------------------------------------------------------------------------------------
# Hand-curated table 5: names of the five former members in the other official languages,
# written by hand because CLDR has no display names for the withdrawn codes SU, YU, CS, DD
# and YD. The UN name of the time first, then the usual short name where there is one.
# ---------------------------------------------------------------------------------------------
HISTORIC_TRANSLATIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "SUN": {
        "ar": ("اتحاد الجمهوريات الاشتراكية السوفياتية", "الاتحاد السوفيتي"),
        "zh": ("苏维埃社会主义共和国联盟", "苏联"),
        "fr": ("Union des Républiques socialistes soviétiques", "URSS", "Union soviétique"),
        # The Cyrillic abbreviation of the USSR looks like Latin letters to ruff.
        "ru": ("Союз Советских Социалистических Республик", "СССР", "Советский Союз"),
        "es": ("Unión de Repúblicas Socialistas Soviéticas", "URSS", "Unión Soviética"),
    },
    "YUG": {
        "ar": ("يوغوسلافيا",),
        "zh": ("南斯拉夫",),
        "fr": ("Yougoslavie",),
        "ru": ("Югославия",),
        "es": ("Yugoslavia",),
    },
    "CSK": {
        "ar": ("تشيكوسلوفاكيا",),
        "zh": ("捷克斯洛伐克",),
        "fr": ("Tchécoslovaquie",),
        "ru": ("Чехословакия",),
        "es": ("Checoslovaquia",),
    },
    "DDR": {
        "ar": ("جمهورية ألمانيا الديمقراطية", "ألمانيا الشرقية"),
        "zh": ("德意志民主共和国", "东德"),
        "fr": ("République démocratique allemande", "Allemagne de l'Est"),
        "ru": ("Германская Демократическая Республика", "ГДР"),
        "es": ("República Democrática Alemana", "Alemania Oriental"),
    },
    "YMD": {
        "ar": ("جمهورية اليمن الديمقراطية الشعبية", "اليمن الجنوبي"),
        "zh": ("民主也门",),
        "fr": ("Yémen démocratique",),
        "ru": ("Демократический Йемен",),
        "es": ("Yemen Democrático",),
    },
}
# Gettext catalogues of Debian iso-codes (in pycountry) for the translated ISO 3166-3 names.
ISO_CODES_CATALOGUES = {"ar": "ar", "zh": "zh_CN", "fr": "fr", "ru": "ru", "es": "es"}

# CLDR names the Arabic report of 5 Oct 2016 uses; the build fails if CLDR ever drops one.
REQUIRED_ARABIC = {
    "RUS": "روسيا",
    "FRA": "فرنسا",
    "ESP": "إسبانيا",
    "CHN": "الصين",
    "USA": "الولايات المتحدة",
    "GBR": "المملكة المتحدة",
}


class BuildError(Exception):
    """The data does not meet the file's rules; the message says which rule and which names."""


def normalise(name: str) -> str:
    """Key under which a name is matched: no accents, case or punctuation, no leading "the"."""
    decomposed = unicodedata.normalize("NFKD", name)
    unmarked = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = unmarked.casefold()
    spaced = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in folded)
    collapsed = " ".join(spaced.split())
    return collapsed.removeprefix("the ")


def unique(names: Iterable[str], key: Callable[[str], str] | None = None) -> list[str]:
    """The names in order, dropping empties and any whose key was seen before."""
    seen: set[str] = set()
    kept: list[str] = []
    for name in names:
        k = key(name) if key else name
        if name and k not in seen:
            seen.add(k)
            kept.append(name)
    return kept


def iso_names(record: Any) -> list[str]:
    """The ISO 3166 English names pycountry holds for a record: name, official, common."""
    return [getattr(record, field, "") for field in ("name", "official_name", "common_name")]


def cldr_names(alpha2: str) -> dict[str, str]:
    """The CLDR display name of a territory in English and the five other UN languages."""
    names: dict[str, str] = {}
    for lang in ("en", *LANGUAGES):
        name = Locale.parse(lang).territories.get(alpha2)
        if name is None:
            raise BuildError(f"CLDR has no {lang} name for territory {alpha2}")
        names[lang] = name
    return names


def iso_codes_translations(iso_name: str) -> dict[str, str]:
    """Translations of an ISO 3166-3 name from iso-codes, in natural order only.

    Untranslated entries come back in English, and inverted entries ("Yemen, Democratic,
    ...") are not names anyone writes, so both are left out.
    """
    found: dict[str, str] = {}
    for lang, catalogue in ISO_CODES_CATALOGUES.items():
        translation = gettext.translation(
            "iso3166-3", pycountry.LOCALES_DIR, languages=[catalogue]
        ).gettext(iso_name)
        if translation != iso_name and not re.search("[,،]", translation):
            found[lang] = translation
    return found


def build_current(code: str, sources: list[str]) -> dict[str, Any]:
    """The entry of a current member: UN name, ISO and CLDR names, UN forms where known."""
    record = pycountry.countries.get(alpha_3=code)
    if record is None:
        raise BuildError(f"{code} is not an ISO 3166-1 alpha-3 code")
    cldr = cldr_names(record.alpha_2)
    name = UN_MEMBERS[code]
    translations = {
        lang: unique([UN_TRANSLATIONS.get(code, {}).get(lang, ""), cldr[lang]])
        for lang in LANGUAGES
    }
    state_sources = [*sources]
    if code in UN_TRANSLATIONS:
        state_sources.append(f"UN forms hand-curated in scripts/build_members.py; cf. {UNTERM_URL}")
    return {
        "code": code,
        "name": name,
        "aliases": aliases_for(code, name, [*iso_names(record), cldr["en"]]),
        "translations": translations,
        "dissolved": None,
        "successor": None,
        "sources": state_sources,
    }


def build_historic(code: str, iso3: str) -> dict[str, Any]:
    """The entry of a former member: UN name of the time, end date, continuing member."""
    record = pycountry.historic_countries.get(alpha_3=code)
    if record is None:
        raise BuildError(f"{code} is not an ISO 3166-3 code")
    name, dissolved, successor = HISTORIC_MEMBERS[code]
    from_iso_codes = iso_codes_translations(record.name)
    translations = {
        lang: unique([*HISTORIC_TRANSLATIONS[code][lang], from_iso_codes.get(lang, "")])
        for lang in LANGUAGES
    }
    sources = [UN_GROWTH_URL, UN_MEMBER_STATES_URL, iso3]
    if code == "SUN":
        sources.append(SUN_SOURCE)
    sources.append(
        "translations: hand-written in scripts/build_members.py "
        f"(CLDR {get_cldr_version()} has no name for {record.alpha_2})"
    )
    if from_iso_codes:
        sources.append(
            f"translations: ISO 3166-3 names translated by Debian iso-codes, via pycountry "
            f"{version('pycountry')} ({', '.join(sorted(from_iso_codes))})"
        )
    return {
        "code": code,
        "name": name,
        "aliases": aliases_for(code, name, [record.name]),
        "translations": translations,
        "dissolved": dissolved,
        "successor": successor,
        "sources": sources,
    }


def aliases_for(code: str, name: str, generated: list[str]) -> list[str]:
    """Hand-curated aliases first, then generated ones, each distinct from the name."""
    candidates = [name, *ALIASES.get(code, ()), *generated]
    return unique(candidates, key=normalise)[1:]


def build() -> dict[str, Any]:
    """The whole file, states sorted by code."""
    pycountry_version = version("pycountry")
    cldr = f"Unicode CLDR {get_cldr_version()} via babel {version('babel')}"
    iso1 = f"ISO 3166-1 via pycountry {pycountry_version}"
    iso3 = f"ISO 3166-3 via pycountry {pycountry_version}"
    current_sources = [UN_MEMBER_STATES_URL, iso1, f"{cldr} (translations; English alias)"]

    unknown = set(ALIASES) - set(UN_MEMBERS) - set(HISTORIC_MEMBERS)
    unknown |= set(UN_TRANSLATIONS) - set(UN_MEMBERS)
    if unknown:
        raise BuildError(f"tables name codes that are not states here: {sorted(unknown)}")

    states = [build_current(code, current_sources) for code in UN_MEMBERS]
    states += [build_historic(code, iso3) for code in HISTORIC_MEMBERS]
    states.sort(key=lambda state: state["code"])
    return {
        "notice": (
            f"UN member states, {len(UN_MEMBERS)} current and {len(HISTORIC_MEMBERS)} former: "
            f"ISO 3166 alpha-3 codes, UN short names ({UN_MEMBER_STATES_URL}), English "
            f"aliases, and names in Arabic, Chinese, French, Russian and Spanish ({cldr}); "
            f"codes via pycountry {pycountry_version}; generated by scripts/build_members.py"
        ),
        "states": states,
    }


def check(data: Mapping[str, Any]) -> dict[str, str]:
    """Enforce the file's rules; returns the index from normalised name to code.

    Translations share the index with the English names, so that no name in any language
    can point at two states.
    """
    states = data["states"]
    problems: list[str] = []
    codes = [state["code"] for state in states]
    if len(states) != EXPECTED_STATES:
        problems.append(f"{len(states)} states, expected {EXPECTED_STATES}")
    if len(set(codes)) != len(codes):
        problems.append("duplicate codes")
    if any(not re.fullmatch("[A-Z]{3}", code) for code in codes):
        problems.append("a code is not three upper-case letters")

    index: dict[str, str] = {}
    for state in states:
        if state["successor"] is not None and state["successor"] not in codes:
            problems.append(f"{state['code']}: successor {state['successor']} is not a state")
        for lang in LANGUAGES:
            if not state["translations"].get(lang):
                problems.append(f"{state['code']}: no {lang} name")
        translated = [name for lang in LANGUAGES for name in state["translations"][lang]]
        for name in [state["name"], *state["aliases"], *translated]:
            key = normalise(name)
            owner = index.setdefault(key, state["code"])
            if owner != state["code"]:
                problems.append(f"{name!r} names both {owner} and {state['code']}")

    by_code = {state["code"]: state for state in states}
    for code, arabic in REQUIRED_ARABIC.items():
        if arabic not in by_code[code]["translations"]["ar"]:
            problems.append(f"{code}: Arabic {arabic!r} missing")
    if problems:
        raise BuildError("members.json breaks its rules:\n  " + "\n  ".join(problems))
    return index


def referenced_names() -> list[tuple[str, str]]:
    """(where, name) for every member of the shared tables and every Aleppo co-sponsor."""
    if not REFERENCE.is_dir():
        raise BuildError(f"the shared reference files are not at {REFERENCE}")
    names: list[tuple[str, str]] = []
    for table in MEMBERSHIP_TABLES:
        with (REFERENCE / table).open(encoding="utf-8", newline="") as rows:
            names += sorted({(table, row["member"]) for row in csv.DictReader(rows)})
    text = (REFERENCE / SEED_CASE).read_text(encoding="utf-8")
    found = re.search(r"\*\*not verified\*\*:(.*?)\.\s+If the library", text, re.DOTALL)
    if found is None:
        raise BuildError(f"no co-sponsor list found in {SEED_CASE}")
    sponsors = [" ".join(name.split()) for name in found.group(1).split(",")]
    if len(sponsors) != EXPECTED_SPONSORS:
        raise BuildError(f"{len(sponsors)} co-sponsors in {SEED_CASE}, not {EXPECTED_SPONSORS}")
    return names + [(SEED_CASE, name) for name in sponsors]


def check_references(index: Mapping[str, str]) -> int:
    """Fail unless every referenced name resolves; returns how many names were checked."""
    references = referenced_names()
    unresolved = [
        f"{where}: {name!r}" for where, name in references if normalise(name) not in index
    ]
    if unresolved:
        raise BuildError("names that resolve to no state:\n  " + "\n  ".join(unresolved))
    return len(references)


def main() -> int:
    try:
        data = build()
        index = check(data)
        resolved = check_references(index)
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    OUTPUT.write_text(text, encoding="utf-8")
    aliases = sum(len(state["aliases"]) for state in data["states"])
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(data['states'])} states, {aliases} aliases")
    print(f"checked {resolved} names from the shared reference files: all resolve")
    return 0


if __name__ == "__main__":
    sys.exit(main())
